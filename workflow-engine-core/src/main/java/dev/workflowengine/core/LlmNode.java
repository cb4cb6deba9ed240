package dev.workflowengine.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.definition.NodeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code llm} node: one call to a chat model with a templated prompt. With a {@code schema} it
 * asks for JSON matching it and writes the parsed value; otherwise it writes the answer's text.
 */
final class LlmNode implements NodeAction {

  private static final Set<String> SETTINGS =
      Set.of("prompt", "system", "model", "output", "schema");

  private final String nodeId;
  private final ChatModel model;
  private final Template prompt;
  private final Optional<Template> system;
  private final String output;
  private final ResponseFormat format;

  private LlmNode(
      String nodeId,
      ChatModel model,
      Template prompt,
      Optional<Template> system,
      String output,
      ResponseFormat format) {
    this.nodeId = nodeId;
    this.model = model;
    this.prompt = prompt;
    this.system = system;
    this.output = output;
    this.format = format;
  }

  static NodeAction compile(NodeDefinition node, String location, DefinitionContext context) {
    ConfigReader config = context.config(node.config(), location + ".config");
    config.allowOnly("llm", SETTINGS);
    Optional<Template> prompt =
        config
            .requiredString("prompt")
            .flatMap(p -> context.template(config.location("prompt"), p));
    Optional<Template> system =
        config
            .optionalString("system")
            .flatMap(s -> context.template(config.location("system"), s));
    String modelName = config.optionalString("model").orElse(Catalog.DEFAULT_MODEL);
    context.calls(node.id(), "model:" + modelName);
    Optional<ChatModel> model = context.catalog.model(modelName);
    if (model.isEmpty()) {
      config.problem(
          "model",
          "unknown model '"
              + modelName
              + "'"
              + Suggestions.hint(modelName, context.catalog.modelNames())
              + "; the catalog has "
              + context.catalog.modelNames());
    }
    String output = config.optionalString("output").orElse(node.id());
    context.writes(output);
    ResponseFormat format = responseFormat(node.id(), config.objectMap("schema"));
    if (prompt.isEmpty() || model.isEmpty()) {
      return null;
    }
    return new LlmNode(node.id(), model.get(), prompt.get(), system, output, format);
  }

  private static ResponseFormat responseFormat(String nodeId, Map<String, Object> schema) {
    if (schema.isEmpty()) {
      return null;
    }
    try {
      String json = Json.MAPPER.writeValueAsString(schema);
      return ResponseFormat.builder()
          .type(ResponseFormatType.JSON)
          .jsonSchema(
              JsonSchema.builder().name(nodeId).rootElement(JsonRawSchema.from(json)).build())
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON value could not be written as JSON", e);
    }
  }

  /** Models often wrap JSON in a Markdown code fence even when asked for JSON only. */
  static String withoutCodeFence(String answer) {
    String text = answer.strip();
    if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
      return text;
    }
    int firstLineEnd = text.indexOf('\n');
    return firstLineEnd < 0 ? text : text.substring(firstLineEnd + 1, text.length() - 3).strip();
  }

  @Override
  public Map<String, Object> apply(WorkflowState state) {
    List<ChatMessage> messages = new ArrayList<>(2);
    system.ifPresent(s -> messages.add(SystemMessage.from(s.render(state))));
    messages.add(UserMessage.from(prompt.render(state)));
    ChatRequest.Builder request = ChatRequest.builder().messages(messages);
    if (format != null) {
      request.responseFormat(format);
    }
    ChatResponse response = model.chat(request.build());
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    if (text == null) {
      throw new IllegalStateException("the model answered node '" + nodeId + "' without text");
    }
    return Map.of(output, format == null ? text : parseJson(text));
  }

  private Object parseJson(String answer) {
    String text = withoutCodeFence(answer);
    try {
      Object value = Json.MAPPER.readValue(text, Object.class);
      if (value == null) { // the state cannot hold null
        throw new IllegalStateException(
            "node '" + nodeId + "' asked the model for JSON matching its schema but got null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "node '"
              + nodeId
              + "' asked the model for JSON matching its schema but got "
              + StateValues.preview(text)
              + " ("
              + e.getOriginalMessage()
              + ")");
    }
  }
}
