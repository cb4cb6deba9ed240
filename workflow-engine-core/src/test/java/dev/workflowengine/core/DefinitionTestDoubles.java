package dev.workflowengine.core;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.definition.AgentDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Test doubles for compiling definitions: a scripted chat model, tools, an agent factory. */
final class DefinitionTestDoubles {

  private DefinitionTestDoubles() {}

  /** A chat model that records every request and answers with a function of it. */
  static final class FakeChatModel implements ChatModel {
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<ChatRequest, String> answer;

    FakeChatModel(Function<ChatRequest, String> answer) {
      this.answer = answer;
    }

    static FakeChatModel answering(String text) {
      return new FakeChatModel(request -> text);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(request);
      return ChatResponse.builder().aiMessage(AiMessage.from(answer.apply(request))).build();
    }

    ChatRequest lastRequest() {
      return requests.get(requests.size() - 1);
    }
  }

  /** A call an {@link AgentFactory} received. */
  record AgentCall(AgentDefinition agent, AgentNode node, Catalog catalog) {}

  /** An agent factory whose agents answer "agent &lt;id&gt;: &lt;prompt&gt;", recording calls. */
  static final class RecordingAgentFactory implements AgentFactory {
    final List<AgentCall> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public NodeAction create(AgentDefinition agent, AgentNode node, Catalog catalog) {
      calls.add(new AgentCall(agent, node, catalog));
      return state -> {
        String prompt = node.prompt().map(p -> p.apply(state)).orElse("");
        return Map.of(node.outputKey(), "agent " + agent.id() + ": " + prompt);
      };
    }
  }

  /** A tool {@code mail.send(to, subject?)} that records its arguments and answers "sent". */
  static final class MailTool {
    final List<Map<String, Object>> calls = new CopyOnWriteArrayList<>();
    final AgentTool tool =
        AgentTool.of(
            ToolSpecification.builder()
                .name("mail.send")
                .description("Sends a mail")
                .parameters(
                    JsonObjectSchema.builder()
                        .addStringProperty("to")
                        .addStringProperty("subject")
                        .required("to")
                        .build())
                .build(),
            arguments -> {
              calls.add(arguments);
              return "sent to " + arguments.get("to");
            });
  }

  /** A tool with the given name and parameters, answering with a function of its arguments. */
  static AgentTool tool(
      String name, List<String> parameters, AgentTool.Function function, String... required) {
    JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
    parameters.forEach(schema::addStringProperty);
    if (required.length > 0) {
      schema.required(required);
    }
    return AgentTool.of(
        ToolSpecification.builder()
            .name(name)
            .description("test tool " + name)
            .parameters(schema.build())
            .build(),
        function);
  }

  /** A child workflow {@code double}: {@code out = 2 * in}. */
  static Workflow doublingChild() {
    return Workflow.builder("double")
        .node("twice", state -> Map.of("out", state.getLong("in") * 2))
        .start("twice")
        .edge("twice", Workflow.END)
        .build();
  }
}
