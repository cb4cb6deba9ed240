/**
 * Embedded, in-memory implementations of the SPIs in {@link dev.workflowengine.api.spi}: the
 * defaults a program gets when it brings no storage of its own. Thread-safe; lost on exit.
 *
 * <ul>
 *   <li>{@link dev.workflowengine.core.memory.InMemoryWorkflowRepository}: every version of every
 *       workflow definition.
 *   <li>{@link dev.workflowengine.core.memory.InMemoryExecutionStore}: execution records with
 *       optimistic revisions, indexed by user and creation time and by wait deadline; keeps a
 *       bounded number of finished ones.
 *   <li>{@link dev.workflowengine.core.memory.InMemoryCheckpointStore}: each execution's checkpoint
 *       log from its latest snapshot on.
 *   <li>{@link dev.workflowengine.core.memory.InMemoryWorkQueue}: a bounded queue with leases that
 *       expire and can be extended, O(log n) per operation.
 *   <li>{@link dev.workflowengine.core.memory.InMemoryEventTransport}: per-execution event logs
 *       with replay, live delivery on an executor, bounded subscriber buffers and a bounded number
 *       of finished logs.
 *   <li>{@link dev.workflowengine.core.memory.InMemoryCredentialStore}: users' ciphertexts, copied
 *       in and out.
 * </ul>
 *
 * <p>Each passes its SPI's contract kit from {@code workflow-engine-testing}.
 */
package dev.workflowengine.core.memory;
