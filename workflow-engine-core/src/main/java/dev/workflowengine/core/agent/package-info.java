/**
 * LLM agents as workflow nodes: {@link dev.workflowengine.core.agent.Agent} (a chat model with a
 * system prompt, tools run concurrently, a memory window, a cap on tool rounds and structured
 * output with one repair) and {@link dev.workflowengine.core.agent.StandardAgentFactory}, which
 * builds agents declared in JSON definitions.
 */
package dev.workflowengine.core.agent;
