/**
 * Actuator support, each part configured only when the application has what it needs: health
 * indicators with Spring Boot's health module ({@code spring-boot-starter-actuator}), the engine's
 * meters with a Micrometer {@code MeterRegistry}, and observations of model calls with an {@code
 * ObservationRegistry}. An application without Actuator or Micrometer gets none of it and starts as
 * before.
 *
 * <pre>
 * management.endpoint.health.show-details=always
 * workflow-engine.ollama.health.required-profiles=default,embedding
 * workflow-engine.metrics.max-workflow-tags=200
 * </pre>
 *
 * <ul>
 *   <li>{@code workflowEngine} health: workers, running executions, queue depth, counts;
 *   <li>{@code ollama} health: reachable, version, local models, required models present;
 *   <li>{@code workflow.*} meters: executions started and finished, their durations, node durations
 *       and failures, queue depth and running executions;
 *   <li>{@code gen_ai.client.operation} observations and {@code gen_ai.client.token.usage}, after
 *       the OpenTelemetry GenAI semantic conventions.
 * </ul>
 */
package dev.workflowengine.spring.actuate;
