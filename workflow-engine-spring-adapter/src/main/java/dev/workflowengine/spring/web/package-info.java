/**
 * The optional REST and SSE layer ({@code workflow-engine.web.enabled=true}): workflow definitions
 * ({@code /workflows}), execute, generate and generate-and-execute, execution status, history,
 * resume and cancel ({@code /executions}), and live events over SSE with Last-Event-ID replay and
 * heartbeats. Errors are JSON {@code {"detail": ...}}; the caller is named by a {@link
 * dev.workflowengine.spring.web.UserResolver} and rate-limited per user.
 */
package dev.workflowengine.spring.web;
