/**
 * Contract test kits for the SPIs in {@link dev.workflowengine.api.spi}: abstract JUnit 5 classes
 * that an implementation's test extends to prove it honours its SPI's contract, as the embedded
 * in-memory defaults do.
 *
 * <pre>{@code
 * class PostgresWorkQueueTest extends WorkQueueContract {
 *   protected WorkQueue create() { return new PostgresWorkQueue(freshSchema()); }
 *   protected WorkQueue createWithCapacity(int capacity) { ... }
 * }
 * }</pre>
 *
 * <p>Each kit calls {@code create()} before every test and expects a new, empty instance: for a
 * database, truncate the tables there; for a broker, purge the stream. Tests use random ids and
 * timestamps at millisecond precision, so they also fit stores that keep microseconds, and each
 * suite runs in seconds. They need JUnit Jupiter, AssertJ and Awaitility, which this module brings
 * in.
 */
package dev.workflowengine.testing.contract;
