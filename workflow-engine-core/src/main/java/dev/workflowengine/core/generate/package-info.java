/**
 * Natural-language workflow generation: {@link dev.workflowengine.core.generate.WorkflowGenerator}
 * asks a chat model for a workflow definition that uses only what a {@link
 * dev.workflowengine.core.Catalog} holds, validates it with the definition compiler and sends the
 * problems back until the model gets it right or runs out of attempts.
 */
package dev.workflowengine.core.generate;
