/**
 * Helpers for testing workflows built with the SDK: {@link
 * dev.workflowengine.testing.ScriptedChatModel}, a chat model that answers from a script and
 * records what it was asked.
 */
package dev.workflowengine.testing;
