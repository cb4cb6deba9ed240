package dev.workflowengine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedStreamingChatModelTest {

  /** Records what a streaming model hands to its handler. */
  private static final class Recorder implements StreamingChatResponseHandler {
    final List<String> partials = new ArrayList<>();
    final List<CompleteToolCall> toolCalls = new ArrayList<>();
    ChatResponse complete;
    Throwable error;

    @Override
    public void onPartialResponse(String partialResponse) {
      partials.add(partialResponse);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
      toolCalls.add(completeToolCall);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
      complete = completeResponse;
    }

    @Override
    public void onError(Throwable e) {
      error = e;
    }
  }

  @Test
  void streamsWordsThatJoinBackIntoTheAnswer() {
    ScriptedStreamingChatModel model = ScriptedStreamingChatModel.of("Hello there,  Ada.\nBye");
    Recorder recorder = new Recorder();

    model.chat("hi", recorder);

    assertThat(recorder.partials).containsExactly("Hello ", "there,  ", "Ada.\n", "Bye");
    assertThat(String.join("", recorder.partials)).isEqualTo("Hello there,  Ada.\nBye");
    assertThat(recorder.complete.aiMessage().text()).isEqualTo("Hello there,  Ada.\nBye");
    assertThat(recorder.complete.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(recorder.complete.tokenUsage().outputTokenCount()).isEqualTo(4);
    assertThat(model.requests()).hasSize(1);
  }

  @Test
  void toolCallsArriveWholeBeforeTheCompleteResponse() {
    ScriptedStreamingChatModel model =
        ScriptedStreamingChatModel.builder().toolCall("search", "{\"q\":\"java\"}").build();
    Recorder recorder = new Recorder();

    model.chat("find", recorder);

    assertThat(recorder.partials).isEmpty();
    assertThat(recorder.toolCalls)
        .singleElement()
        .satisfies(call -> assertThat(call.toolExecutionRequest().name()).isEqualTo("search"));
    assertThat(recorder.complete.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
  }

  @Test
  void anExhaustedScriptIsReportedThroughOnError() {
    ScriptedStreamingChatModel model = ScriptedStreamingChatModel.of();
    Recorder recorder = new Recorder();

    model.chat("anything", recorder);

    assertThat(recorder.error)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("asked 1 times but scripted only 0 replies");
    assertThat(recorder.complete).isNull();
  }
}
