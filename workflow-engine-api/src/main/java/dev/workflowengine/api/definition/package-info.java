/**
 * Workflows as data: {@link dev.workflowengine.api.definition.WorkflowDefinition} and its parts,
 * the JSON form that people, programs and language models write. Records, immutable and
 * thread-safe; the core module validates and compiles them.
 */
package dev.workflowengine.api.definition;
