/**
 * Embedded, in-memory implementations of the SPIs in {@link dev.workflowengine.api.spi}: the
 * defaults a program gets when it brings no storage of its own. Thread-safe; lost on exit.
 */
package dev.workflowengine.core.memory;
