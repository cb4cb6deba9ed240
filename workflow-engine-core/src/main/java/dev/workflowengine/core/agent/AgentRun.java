package dev.workflowengine.core.agent;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import dev.workflowengine.api.WorkflowStateException;
import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.core.Template;
import dev.workflowengine.core.WorkflowState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One task of an {@link Agent}: the conversation, the tool loop, the structured-output check with
 * its one repair, and what goes into the update and the completion event. Used by one thread, once.
 */
final class AgentRun {

  private static final Template INPUT = template("{{input}}");
  private static final Template TASK = template("{{task}}");

  private final Agent agent;
  private final WorkflowState state;
  private final Optional<NodeContext> context;
  private final List<ToolSpecification> specifications;
  private final List<Map<String, Object>> toolCalls = new ArrayList<>();
  private int toolRounds;

  AgentRun(Agent agent, WorkflowState state, Optional<NodeContext> context) {
    this.agent = agent;
    this.state = state;
    this.context = context;
    this.specifications =
        agent.tools.values().stream()
            .map(AgentTool::specification)
            .sorted((a, b) -> a.name().compareTo(b.name()))
            .toList();
  }

  Map<String, Object> run() throws Exception {
    List<ChatMessage> conversation = new ArrayList<>(memory());
    conversation.add(UserMessage.from(task()));
    ResponseFormat format = agent.output == null ? null : agent.output.format();
    ChatResponse response = converse(conversation, format);
    Object value = text(response);
    if (agent.output != null) {
      StructuredOutput.Result result = agent.output.check(text(response));
      if (!result.valid()) {
        conversation.add(UserMessage.from(repairRequest(result.errors())));
        response = converse(conversation, format);
        result = agent.output.check(text(response));
        if (!result.valid()) {
          recordToolCalls();
          throw new StructuredOutputException(agent.name, result.errors(), text(response));
        }
      }
      value = result.value();
    }
    recordToolCalls();
    if (agent.streamingModel != null) {
      ChatResponse last = response;
      context.ifPresent(c -> c.finalToken("", metadata(last)));
    }
    Map<String, Object> update = new LinkedHashMap<>();
    update.put(agent.outputKey, value);
    if (agent.memoryWindow > 0) {
      update.put(
          agent.memoryKey,
          ChatMessageSerializer.messagesToJson(window(conversation, agent.memoryWindow)));
    }
    return update;
  }

  /** Talks with the model until it answers without asking for tools. */
  private ChatResponse converse(List<ChatMessage> conversation, ResponseFormat format)
      throws Exception {
    while (true) {
      ChatResponse response = chat(request(conversation, format));
      AiMessage answer = response.aiMessage();
      if (answer == null) {
        throw new IllegalStateException("the model answered agent '" + agent.name + "' nothing");
      }
      conversation.add(answer);
      if (!answer.hasToolExecutionRequests()) {
        return response;
      }
      if (toolRounds == agent.maxToolRounds) {
        recordToolCalls();
        throw new ToolRoundsExceededException(agent.name, agent.maxToolRounds);
      }
      toolRounds++;
      for (ToolCalls.Outcome outcome :
          ToolCalls.run(answer.toolExecutionRequests(), agent.tools, context)) {
        conversation.add(outcome.message());
        toolCalls.add(outcome.record());
      }
    }
  }

  private ChatRequest request(List<ChatMessage> conversation, ResponseFormat format) {
    List<ChatMessage> messages = new ArrayList<>();
    if (agent.systemPrompt != null) {
      messages.add(SystemMessage.from(agent.systemPrompt.render(state)));
    }
    messages.addAll(
        agent.memoryWindow > 0 ? window(conversation, agent.memoryWindow) : conversation);
    ChatRequest.Builder request = ChatRequest.builder().messages(messages);
    if (!specifications.isEmpty()) {
      request.toolSpecifications(specifications);
    }
    if (format != null) {
      request.responseFormat(format);
    }
    return request.build();
  }

  private ChatResponse chat(ChatRequest request) throws Exception {
    if (agent.streamingModel == null) {
      return agent.model.chat(request);
    }
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    agent.streamingModel.chat(
        request,
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String partial) {
            // the model's thread: the context was captured on the node's thread
            context.ifPresent(c -> c.token(partial));
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
    try {
      return done.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private String task() {
    if (agent.prompt != null) {
      return agent.prompt.apply(state);
    }
    if (state.has("input")) {
      return INPUT.render(state);
    }
    if (state.has("task")) {
      return TASK.render(state);
    }
    throw new WorkflowStateException(
        "input",
        "agent '"
            + agent.name
            + "' has no prompt and the state has neither 'input' nor 'task' (present: "
            + state.keys()
            + "); give the agent a prompt or start the run with an input");
  }

  private List<ChatMessage> memory() {
    if (agent.memoryWindow == 0 || !state.has(agent.memoryKey)) {
      return List.of();
    }
    Object stored = state.asMap().get(agent.memoryKey);
    if (!(stored instanceof String json)) {
      throw new WorkflowStateException(
          agent.memoryKey,
          "agent '"
              + agent.name
              + "' keeps its conversation under '"
              + agent.memoryKey
              + "' as JSON text, but the state holds a "
              + stored.getClass().getSimpleName()
              + " there; give the agent another memoryKey");
    }
    return ChatMessageDeserializer.messagesFromJson(json);
  }

  /** The last {@code size} messages, without tool results whose request fell out of the window. */
  static List<ChatMessage> window(List<ChatMessage> messages, int size) {
    int from = Math.max(0, messages.size() - size);
    while (from < messages.size() && messages.get(from) instanceof ToolExecutionResultMessage) {
      from++;
    }
    return new ArrayList<>(messages.subList(from, messages.size()));
  }

  private void recordToolCalls() {
    if (!toolCalls.isEmpty()) {
      context.ifPresent(c -> c.detail("tool_calls", List.copyOf(toolCalls)));
    }
  }

  private String text(ChatResponse response) {
    String text = response.aiMessage().text();
    if (text == null) {
      throw new IllegalStateException("the model answered agent '" + agent.name + "' without text");
    }
    return text;
  }

  private static String repairRequest(List<String> errors) {
    return "Your answer does not match the required JSON schema: "
        + String.join("; ", errors)
        + ". Answer again with only the corrected JSON, nothing else.";
  }

  private TokenMetadata metadata(ChatResponse response) {
    String model = response.modelName() == null ? agent.name : response.modelName();
    TokenUsage usage = response.tokenUsage();
    int tokens = usage == null || usage.totalTokenCount() == null ? 0 : usage.totalTokenCount();
    String finish =
        response.finishReason() == null
            ? "unknown"
            : response.finishReason().name().toLowerCase(Locale.ROOT);
    return new TokenMetadata(model, tokens, finish);
  }

  private static Template template(String source) {
    try {
      return Template.parse(source);
    } catch (Template.InvalidTemplate e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
