/**
 * LangChain4j models over {@link dev.workflowengine.ollama.OllamaClient}: {@link
 * dev.workflowengine.ollama.langchain4j.OllamaClientChatModel}, {@link
 * dev.workflowengine.ollama.langchain4j.OllamaClientStreamingChatModel} and {@link
 * dev.workflowengine.ollama.langchain4j.OllamaClientEmbeddingModel}, usually obtained by profile
 * from {@link dev.workflowengine.ollama.OllamaModels}. The mapping between LangChain4j's requests
 * and Ollama's lives in this package only, package-private.
 */
package dev.workflowengine.ollama.langchain4j;
