/**
 * Live events of executions: the sealed {@link dev.workflowengine.api.event.WorkflowEvent}
 * hierarchy with its wire names, ordered per execution by a gap-free sequence.
 */
package dev.workflowengine.api.event;
