package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures after a stream began: the status is 200 by then, so they come inside the body. */
class StreamFailureTest extends OllamaServerTest {

  private static final ChatRequest REQUEST =
      ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));

  @Test
  void anErrorLineEndsTheStreamWithTheTextReceivedSoFar() {
    server.enqueue(MockOllama.stream("chat-stream-error.ndjson"));
    List<String> delivered = new ArrayList<>();

    assertThatThrownBy(
            () -> {
              try (OllamaStream<ChatResponse> stream = client.chatStream(REQUEST)) {
                stream.forEach(chunk -> delivered.add(chunk.content()));
              }
            })
        .isInstanceOf(OllamaStreamException.class)
        .hasMessageContaining("reported an error after 3 chunks")
        .hasMessageContaining("unexpected EOF")
        .asInstanceOf(type(OllamaStreamException.class))
        .satisfies(
            e -> {
              assertThat(e.partialContent()).isEqualTo("The sky is");
              assertThat(e.chunksReceived()).isEqualTo(3);
              assertThat(e.serverError())
                  .contains("an error was encountered while running the model: unexpected EOF");
              assertThat(e.isRetriable()).isFalse();
            });
    assertThat(delivered).containsExactly("The", " sky", " is");
  }

  @Test
  void aLineThatIsNotJsonIsNamedByItsNumberAndStart() {
    List<String> lines = new ArrayList<>(MockOllama.fixtureLines("chat-stream.ndjson"));
    lines.set(3, "data: {\"model\":\"llama3.2\"} <- a proxy's idea of streaming\n");
    server.enqueue(MockOllama.streamLines(lines));

    assertThatThrownBy(() -> client.chatStream(REQUEST).last())
        .isInstanceOf(OllamaStreamException.class)
        .hasMessageContaining("line 4 ")
        .hasMessageContaining("it starts with: 'data: {\"model\":\"llama3.2\"} <- a proxy")
        .asInstanceOf(type(OllamaStreamException.class))
        .satisfies(
            e -> {
              assertThat(e.partialContent()).isEqualTo("The sky is");
              assertThat(e.chunksReceived()).isEqualTo(3);
            });
  }

  @Test
  void aLineWithTwoObjectsIsMalformedToo() {
    List<String> lines = new ArrayList<>(MockOllama.fixtureLines("chat-stream.ndjson"));
    lines.set(1, lines.get(1).strip() + lines.get(2));
    server.enqueue(MockOllama.streamLines(lines));

    assertThatThrownBy(() -> client.chatStream(REQUEST).last())
        .isInstanceOf(OllamaStreamException.class)
        .hasMessageContaining("line 2 ")
        .hasMessageContaining("more follows the JSON object");
  }

  @Test
  void aStreamEndingWithoutItsFinalChunkIsIncompleteNotDone() {
    List<String> lines = MockOllama.fixtureLines("chat-stream.ndjson").subList(0, 4);
    server.enqueue(MockOllama.streamLines(lines));

    assertThatThrownBy(() -> client.chatStream(REQUEST).last())
        .isInstanceOf(OllamaStreamException.class)
        .hasMessageContaining("ended the stream after 4 chunks without its final chunk")
        .satisfies(e -> assertThat(((OllamaStreamException) e).isRetriable()).isTrue());
  }

  @Test
  void aConnectionDroppedMidStreamIsABrokenStreamWithItsPartialText() {
    List<String> lines = MockOllama.fixtureLines("chat-stream.ndjson");
    server.enqueue(
        MockOllama.streaming(
            (sink, source) -> {
              MockOllama.writeChunk(sink, lines.get(0));
              MockOllama.writeChunk(sink, lines.get(1));
              sink.writeUtf8("40\r\n{\"model\":\"llama3.2\",\"crea");
              sink.flush();
            }));

    assertThatThrownBy(() -> client.chatStream(REQUEST).last())
        .isInstanceOf(OllamaStreamException.class)
        .hasMessageContaining("broke after 2 chunks")
        .asInstanceOf(type(OllamaStreamException.class))
        .satisfies(
            e -> {
              assertThat(e.partialContent()).isEqualTo("The sky");
              assertThat(e.isRetriable()).isTrue();
              assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
            });
  }

  @Test
  void blankLinesAndCarriageReturnsAreTolerated() {
    List<String> lines = new ArrayList<>();
    for (String line : MockOllama.fixtureLines("chat-stream.ndjson")) {
      lines.add(line.replace("\n", "\r\n"));
      lines.add("\n");
    }
    server.enqueue(MockOllama.streamLines(lines));

    assertThat(new ChatAccumulator().add(client.chatStream(REQUEST).last()).isDone()).isTrue();
  }

  @Test
  void unknownFieldsAreIgnored() {
    server.enqueue(
        MockOllama.streamLines(
            List.of(
                "{\"model\":\"llama3.2\",\"remote_host\":\"https://ollama.com\",\"created_at\":"
                    + "\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\","
                    + "\"future\":[1,{\"a\":2}]},\"done\":false,\"debug\":{\"x\":null}}\n",
                "{\"model\":\"llama3.2\",\"created_at\":\"not a time\",\"message\":{\"role\":"
                    + "\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                    + "\"eval_count\":1,\"new_metric\":7}\n")));

    ChatAccumulator answer = new ChatAccumulator();
    try (OllamaStream<ChatResponse> stream = client.chatStream(REQUEST)) {
      stream.forEach(answer::add);
    }

    assertThat(answer.content()).isEqualTo("Hi");
    assertThat(answer.metrics().orElseThrow().evalCount()).isEqualTo(1);
    assertThat(answer.toResponse().createdAt())
        .contains(java.time.Instant.parse("2025-01-01T00:00:00Z"));
  }
}
