/**
 * Executions: requests to run a workflow, their records and statuses, and queries over a user's
 * history. Records, immutable and thread-safe.
 */
package dev.workflowengine.api.execution;
