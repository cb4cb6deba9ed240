/**
 * The durable runtime: {@link dev.workflowengine.core.engine.WorkflowEngine} with its queue,
 * workers, checkpoints, live events, human steps, cancellation, limits, ownership and metrics.
 */
package dev.workflowengine.core.engine;
