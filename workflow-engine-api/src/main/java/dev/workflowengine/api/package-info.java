/**
 * The floor of the SDK: exceptions shared by every module. Models live in {@link
 * dev.workflowengine.api.definition}, {@link dev.workflowengine.api.execution} and {@link
 * dev.workflowengine.api.event}; the service-provider interfaces a host application implements live
 * in {@link dev.workflowengine.api.spi}.
 *
 * <p>Every failure a user can cause or meet is a subclass of {@link
 * dev.workflowengine.api.WorkflowException} whose message says what was wrong and what to do.
 */
package dev.workflowengine.api;
