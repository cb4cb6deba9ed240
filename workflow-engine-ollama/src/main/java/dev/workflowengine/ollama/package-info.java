/**
 * A complete client for the Ollama REST API: {@link dev.workflowengine.ollama.OllamaClient}.
 *
 * <pre>{@code
 * try (OllamaClient ollama = OllamaClient.builder().build()) {          // http://localhost:11434
 *   ChatRequest request = ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));
 *
 *   ChatResponse whole = ollama.chat(request);                           // one answer
 *
 *   try (OllamaStream<ChatResponse> stream = ollama.chatStream(request)) {   // token by token
 *     stream.forEach(chunk -> System.out.print(chunk.content()));
 *   }
 *
 *   ollama.pull("llama3.2").last();                                      // wait for a download
 * }
 * }</pre>
 *
 * <p>Requests are immutable records built with validating builders ({@link
 * dev.workflowengine.ollama.ChatRequest}, {@link dev.workflowengine.ollama.GenerateRequest}, {@link
 * dev.workflowengine.ollama.EmbedRequest}, {@link dev.workflowengine.ollama.CreateRequest});
 * whatever they leave unset is not sent, so the server's and the model's defaults apply. Answers
 * are immutable records with {@code Optional} for what Ollama may leave out. Streams ({@link
 * dev.workflowengine.ollama.OllamaStream}) are read on the caller's thread and can be cancelled
 * from any other; {@link dev.workflowengine.ollama.ChatAccumulator} and {@link
 * dev.workflowengine.ollama.GenerateAccumulator} join their chunks.
 *
 * <p>Every failure is a {@link dev.workflowengine.api.WorkflowException}: {@link
 * dev.workflowengine.ollama.ModelNotFoundException}, {@link
 * dev.workflowengine.ollama.OllamaUnavailableException} and {@link
 * dev.workflowengine.ollama.OllamaTimeoutException} extend the API's not-found, unavailable and
 * timeout types; the rest extend {@link dev.workflowengine.ollama.OllamaException}.
 *
 * <p>Models by profile: {@link dev.workflowengine.ollama.ModelProfiles} names models and their
 * options ({@code default}, {@code code}, {@code creative}, {@code embedding}, in code or from a
 * {@code models.json}); the client hands out LangChain4j models for them ({@code
 * ollama.chatModel("default")}, through its {@link dev.workflowengine.ollama.OllamaModels}),
 * pulling a missing model as its {@link dev.workflowengine.ollama.PullStrategy} says. The adapters
 * live in {@code dev.workflowengine.ollama.langchain4j}. {@link
 * dev.workflowengine.ollama.OllamaTokens} streams a chat into a workflow node's {@code token}
 * events.
 */
package dev.workflowengine.ollama;
