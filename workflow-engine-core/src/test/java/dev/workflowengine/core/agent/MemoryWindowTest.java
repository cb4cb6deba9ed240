package dev.workflowengine.core.agent;

import static dev.workflowengine.core.agent.FakeModels.call;
import static dev.workflowengine.core.agent.FakeModels.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.workflowengine.core.WorkflowState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryWindowTest {

  @Test
  void onlyTheLastMessagesOfTheWindowGoToTheModelBesideTheSystemPrompt() throws Exception {
    var model = new FakeModels.Scripted(text("one"), text("two"), text("three"));
    Agent agent =
        Agent.builder("chat")
            .model(model)
            .systemPrompt("Be brief.")
            .prompt("{{message}}")
            .memoryWindow(3)
            .build();
    Map<String, Object> state = new HashMap<>();

    for (String message : List.of("first", "second", "third")) {
      state.put("message", message);
      state.putAll(agent.apply(WorkflowState.of(state)));
    }

    SystemMessage system = SystemMessage.from("Be brief.");
    assertThat(model.request(0).messages()).containsExactly(system, UserMessage.from("first"));
    assertThat(model.request(1).messages())
        .containsExactly(
            system, UserMessage.from("first"), AiMessage.from("one"), UserMessage.from("second"));
    assertThat(model.request(2).messages())
        .containsExactly(
            system, UserMessage.from("second"), AiMessage.from("two"), UserMessage.from("third"));
    // kept in the state as JSON text, so it survives checkpoints
    assertThat(agent.memoryKey()).contains("chat_memory");
    assertThat(ChatMessageDeserializer.messagesFromJson((String) state.get("chat_memory")))
        .containsExactly(AiMessage.from("two"), UserMessage.from("third"), AiMessage.from("three"));
    assertThat(state).containsEntry("chat", "three");
  }

  @Test
  void aWindowDropsToolResultsWhoseRequestFellOut() {
    var request = call("1", "lookup", "{}");
    List<ChatMessage> messages =
        List.of(
            UserMessage.from("q"),
            AiMessage.from(request),
            ToolExecutionResultMessage.from(request, "r"),
            AiMessage.from("answer"));

    assertThat(AgentRun.window(messages, 2)).containsExactly(AiMessage.from("answer"));
    assertThat(AgentRun.window(messages, 3)).containsExactlyElementsOf(messages.subList(1, 4));
  }

  @Test
  void withoutAWindowNothingIsKept() throws Exception {
    var model = new FakeModels.Scripted(text("one"));
    Agent agent = Agent.builder("chat").model(model).build();

    assertThat(agent.apply(WorkflowState.of(Map.of("input", "hi")))).containsOnlyKeys("chat");
    assertThat(agent.memoryKey()).isEmpty();
  }
}
