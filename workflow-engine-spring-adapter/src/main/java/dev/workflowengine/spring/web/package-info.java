/**
 * The optional REST and SSE layer ({@code workflow-engine.web.enabled=true}): workflow definitions
 * ({@code /workflows}), execute, generate and generate-and-execute, execution status, history,
 * resume and cancel ({@code /executions}), and live events over SSE with Last-Event-ID replay and
 * heartbeats; with Google configured, the users' Google authorization ({@code /oauth/google}) and
 * Google's push notifications ({@code /webhooks/google}). Errors are JSON {@code {"detail": ...}};
 * the caller is named by a {@link dev.workflowengine.spring.web.UserResolver} and rate-limited per
 * user, and the endpoints Google's redirects and notifications reach are rate-limited per address.
 */
package dev.workflowengine.spring.web;
