package dev.workflowengine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

class ScriptedChatModelTest {

  @Test
  void repliesInOrderAndRecordsRequests() {
    ScriptedChatModel model = ScriptedChatModel.of("first", "second");

    assertThat(model.chat("one")).isEqualTo("first");
    assertThat(model.chat("two")).isEqualTo("second");

    assertThat(model.requests())
        .extracting(request -> ScriptedChatModel.lastUserText(request).orElseThrow())
        .containsExactly("one", "two");
    assertThat(model.remaining()).isZero();
  }

  @Test
  void failsClearlyWhenTheScriptRunsOut() {
    ScriptedChatModel model = ScriptedChatModel.of("only");
    model.chat("a");

    assertThatThrownBy(() -> model.chat("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("asked 2 times but scripted only 1 replies");
  }

  @Test
  void fallbackAnswersAfterTheScript() {
    ScriptedChatModel model =
        ScriptedChatModel.builder()
            .reply("scripted")
            .fallback(request -> "echo: " + ScriptedChatModel.lastUserText(request).orElse(""))
            .build();

    assertThat(model.chat("x")).isEqualTo("scripted");
    assertThat(model.chat("hello")).isEqualTo("echo: hello");
  }

  @Test
  void toolCallsAreAnsweredWithToolExecutionRequests() {
    ScriptedChatModel model =
        ScriptedChatModel.builder().toolCall("mail.send", "{\"to\":\"ada@example.com\"}").build();

    ChatResponse response =
        model.chat(ChatRequest.builder().messages(UserMessage.from("send")).build());

    assertThat(response.aiMessage().toolExecutionRequests())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.name()).isEqualTo("mail.send");
              assertThat(call.arguments()).isEqualTo("{\"to\":\"ada@example.com\"}");
            });
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
  }

  @Test
  void reportsModelNameAndWordCounts() {
    ScriptedChatModel model =
        ScriptedChatModel.builder().modelName("demo").reply("three word answer").build();

    ChatResponse response =
        model.chat(
            ChatRequest.builder()
                .messages(SystemMessage.from("be brief"), UserMessage.from("what is it"))
                .build());

    assertThat(response.modelName()).isEqualTo("demo");
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(5);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(3);
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }
}
