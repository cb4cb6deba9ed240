/**
 * Service-provider interfaces through which a host application brings its own storage, queue and
 * event transport. Each has an embedded in-memory default in the core module and a contract test
 * kit in {@code workflow-engine-testing} that an implementation extends to prove itself.
 *
 * <p>The contracts are written so that distributed engines can honour them: PostgreSQL tables, NATS
 * JetStream streams. Hence at-least-once delivery with leases, per-execution ordering only, and
 * optimistic versioning instead of locks held across calls.
 */
package dev.workflowengine.api.spi;
