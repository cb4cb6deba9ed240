package dev.workflowengine.testing;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What both scripted models' builders have in common: the model name, the replies in order, and the
 * fallback. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ScriptBuilder<B extends ScriptBuilder<B>> {

  private String modelName = "scripted";
  private final List<Function<ChatRequest, AiMessage>> replies = new ArrayList<>();
  private Function<ChatRequest, AiMessage> fallback;

  ScriptBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Names the model, as reported in responses.
   *
   * @param name the name
   * @return this builder
   */
  public B modelName(String name) {
    this.modelName = requireNonNull(name, "name");
    return self();
  }

  /**
   * Queues a text answer.
   *
   * @param text the answer
   * @return this builder
   */
  public B reply(String text) {
    requireNonNull(text, "text");
    replies.add(request -> AiMessage.from(text));
    return self();
  }

  /**
   * Queues an answer computed from the request, such as one echoing part of the prompt.
   *
   * @param responder computes the answer's text
   * @return this builder
   */
  public B reply(Function<ChatRequest, String> responder) {
    requireNonNull(responder, "responder");
    replies.add(request -> AiMessage.from(responder.apply(request)));
    return self();
  }

  /**
   * Queues an answer that asks for one tool call.
   *
   * @param toolName the tool
   * @param argumentsJson its arguments as a JSON object
   * @return this builder
   */
  public B toolCall(String toolName, String argumentsJson) {
    requireNonNull(toolName, "toolName");
    requireNonNull(argumentsJson, "argumentsJson");
    String id = "call-" + replies.size();
    replies.add(
        request ->
            AiMessage.from(
                ToolExecutionRequest.builder()
                    .id(id)
                    .name(toolName)
                    .arguments(argumentsJson)
                    .build()));
    return self();
  }

  /**
   * Answers every request after the script ran out.
   *
   * @param responder computes the answer's text
   * @return this builder
   */
  public B fallback(Function<ChatRequest, String> responder) {
    requireNonNull(responder, "responder");
    this.fallback = request -> AiMessage.from(responder.apply(request));
    return self();
  }

  Script script() {
    return new Script(modelName, replies, fallback);
  }
}
