package dev.workflowengine.ollama.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.workflowengine.ollama.ChatMessage;
import dev.workflowengine.ollama.Format;
import dev.workflowengine.ollama.Options;
import dev.workflowengine.ollama.Tool;
import dev.workflowengine.ollama.ToolCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Maps a LangChain4j {@link ChatRequest} to this client's {@link dev.workflowengine.ollama
 * .ChatRequest}: the one place that knows both, as {@code InternalOllamaHelper} is for
 * langchain4j-ollama. Parameters Ollama cannot honour fail with {@link UnsupportedFeatureException}
 * rather than being dropped.
 */
final class ToOllama {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  /** In this order on the wire: {@code Map.of} would iterate in a different order per run. */
  private static final Map<String, Object> NO_PARAMETERS = noParameters();

  private ToOllama() {}

  private static Map<String, Object> noParameters() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Map.of());
    return Collections.unmodifiableMap(schema);
  }

  static dev.workflowengine.ollama.ChatRequest request(ChatRequest request, ChatSettings settings) {
    ChatRequestParameters parameters = request.parameters();
    String model = parameters.modelName() != null ? parameters.modelName() : settings.model();
    var builder =
        dev.workflowengine.ollama.ChatRequest.builder(model)
            .messages(Messages.toOllama(request.messages(), settings.sendThinking()))
            .options(options(settings.options(), parameters));
    tools(parameters).forEach(builder::tool);
    format(parameters.responseFormat()).ifPresent(builder::format);
    settings.think().ifPresent(builder::think);
    settings.keepAlive().ifPresent(builder::keepAlive);
    return builder.build();
  }

  /**
   * The profile's options with the request's LangChain4j parameters laid over them. Ollama has
   * every sampling parameter LangChain4j defines; {@code maxOutputTokens} is its {@code
   * num_predict}.
   */
  static Options options(Options base, ChatRequestParameters parameters) {
    Options.Builder builder = Options.builder();
    base.toMap().forEach(builder::option);
    set(builder, "temperature", parameters.temperature());
    set(builder, "top_p", parameters.topP());
    set(builder, "top_k", parameters.topK());
    set(builder, "frequency_penalty", parameters.frequencyPenalty());
    set(builder, "presence_penalty", parameters.presencePenalty());
    set(builder, "num_predict", parameters.maxOutputTokens());
    if (parameters.stopSequences() != null && !parameters.stopSequences().isEmpty()) {
      builder.stop(parameters.stopSequences());
    }
    return builder.build();
  }

  private static void set(Options.Builder builder, String option, Object value) {
    if (value != null) {
      builder.option(option, value);
    }
  }

  /**
   * The tools to offer. Ollama has no {@code tool_choice}: {@link ToolChoice#NONE} is honoured by
   * offering none, {@link ToolChoice#REQUIRED} cannot be and fails.
   */
  static List<Tool> tools(ChatRequestParameters parameters) {
    validate(parameters);
    List<ToolSpecification> specifications = parameters.toolSpecifications();
    ToolChoice choice = parameters.toolChoice();
    if (specifications == null || specifications.isEmpty() || choice == ToolChoice.NONE) {
      return List.of();
    }
    List<Tool> tools = new ArrayList<>(specifications.size());
    for (ToolSpecification specification : specifications) {
      Map<String, Object> schema =
          specification.parameters() == null
              ? NO_PARAMETERS
              : JsonSchemaElementUtils.toMap(specification.parameters());
      tools.add(Tool.of(specification.name(), specification.description(), schema));
    }
    return tools;
  }

  /** Fails for what Ollama cannot honour; called for default parameters at build time too. */
  static void validate(ChatRequestParameters parameters) {
    if (parameters.toolChoice() == ToolChoice.REQUIRED) {
      throw new UnsupportedFeatureException(
          "ToolChoice.REQUIRED is not supported by Ollama: it cannot force the model to call a"
              + " tool. Use ToolChoice.AUTO and say in the prompt that a tool must be called.");
    }
  }

  static Optional<Format> format(ResponseFormat responseFormat) {
    if (responseFormat == null || responseFormat.type() == ResponseFormatType.TEXT) {
      return Optional.empty();
    }
    if (responseFormat.jsonSchema() == null) {
      return Optional.of(Format.JSON);
    }
    return Optional.of(
        Format.schema(JsonSchemaElementUtils.toMap(responseFormat.jsonSchema().rootElement())));
  }

  /** Maps LangChain4j messages to Ollama's. */
  static final class Messages {

    private Messages() {}

    static List<ChatMessage> toOllama(
        List<dev.langchain4j.data.message.ChatMessage> messages, boolean sendThinking) {
      List<ChatMessage> mapped = new ArrayList<>(messages.size());
      for (dev.langchain4j.data.message.ChatMessage message : messages) {
        mapped.add(toOllama(message, sendThinking));
      }
      return mapped;
    }

    private static ChatMessage toOllama(
        dev.langchain4j.data.message.ChatMessage message, boolean sendThinking) {
      if (message instanceof SystemMessage system) {
        return ChatMessage.system(system.text());
      }
      if (message instanceof UserMessage user) {
        return UserContents.toOllama(user);
      }
      if (message instanceof AiMessage ai) {
        return assistant(ai, sendThinking);
      }
      if (message instanceof ToolExecutionResultMessage result) {
        return toolResult(result);
      }
      throw new UnsupportedFeatureException(
          "Ollama does not support "
              + message.type()
              + " messages; use system, user, AI and tool result messages");
    }

    private static ChatMessage assistant(AiMessage ai, boolean sendThinking) {
      ChatMessage.Builder builder =
          ChatMessage.builder(ChatMessage.Role.ASSISTANT)
              .content(ai.text() == null ? "" : ai.text());
      if (sendThinking && ai.thinking() != null && !ai.thinking().isEmpty()) {
        builder.thinking(ai.thinking());
      }
      for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
        builder.toolCall(
            new ToolCall(
                Optional.ofNullable(request.id()),
                OptionalInt.empty(),
                request.name(),
                arguments(request)));
      }
      return builder.build();
    }

    private static ChatMessage toolResult(ToolExecutionResultMessage result) {
      if (!result.hasSingleText()) {
        throw new UnsupportedFeatureException(
            "Ollama supports only text in tool results; tool '"
                + result.toolName()
                + "' returned "
                + result.contents().size()
                + " contents or non-text content");
      }
      ChatMessage.Builder builder =
          ChatMessage.builder(ChatMessage.Role.TOOL).content(result.text());
      if (result.toolName() != null && !result.toolName().isBlank()) {
        builder.toolName(result.toolName());
      }
      return builder.build();
    }

    /** Ollama wants the arguments as a JSON object; LangChain4j holds them as JSON text. */
    private static Map<String, Object> arguments(ToolExecutionRequest request) {
      String arguments = request.arguments();
      if (arguments == null || arguments.isBlank()) {
        return Map.of();
      }
      try {
        Map<String, Object> parsed = JSON.readValue(arguments, OBJECT);
        return parsed == null ? Map.of() : parsed;
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "the arguments of tool call '"
                + request.name()
                + "' are not a JSON object, which Ollama needs: "
                + arguments,
            e);
      }
    }
  }
}
