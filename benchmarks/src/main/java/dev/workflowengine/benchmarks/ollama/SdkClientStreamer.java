package dev.workflowengine.benchmarks.ollama;

import dev.workflowengine.ollama.ChatMessage;
import dev.workflowengine.ollama.ChatRequest;
import dev.workflowengine.ollama.ChatResponse;
import dev.workflowengine.ollama.Metrics;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.OllamaStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * This SDK's {@link OllamaClient} with its defaults, used as the README shows: {@code chatStream}
 * iterated on the caller's thread, each chunk's content appended. Its timeouts (first chunk, idle
 * between chunks), error-line detection and cancellation are all on, as in an application.
 */
final class SdkClientStreamer implements ChatStreamer {

  private final OllamaClient client;
  private final ChatRequest chat;

  SdkClientStreamer(String baseUrl, String prompt) {
    client = OllamaClient.builder().baseUrl(baseUrl).build();
    chat = ChatRequest.of(ChatAnswer.MODEL, ChatMessage.user(prompt));
  }

  @Override
  public StreamedAnswer streamAnswer() throws IOException {
    try (OllamaStream<ChatResponse> stream = client.chatStream(chat)) {
      return readRest(stream.iterator(), new StringBuilder(), 0);
    }
  }

  @Override
  public Pending streamUntilFirstDelta() throws IOException {
    OllamaStream<ChatResponse> stream = client.chatStream(chat);
    try {
      Iterator<ChatResponse> chunks = stream.iterator();
      while (chunks.hasNext()) {
        ChatResponse chunk = chunks.next();
        if (!chunk.content().isEmpty()) {
          return new Unfinished(stream, chunks, chunk.content());
        }
        if (chunk.done()) {
          break;
        }
      }
      throw new IOException("the answer ended before its first delta");
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static StreamedAnswer readRest(
      Iterator<ChatResponse> chunks, StringBuilder content, int deltas) throws IOException {
    ChatResponse last = null;
    while (chunks.hasNext()) {
      ChatResponse chunk = chunks.next();
      if (!chunk.content().isEmpty()) {
        content.append(chunk.content());
        deltas++;
      }
      last = chunk;
    }
    if (last == null || !last.done()) {
      throw new IOException("the answer ended without its done line");
    }
    Metrics metrics = last.metrics().orElseThrow();
    return new StreamedAnswer(
        deltas,
        content.toString(),
        last.doneReason().orElse(""),
        metrics.promptEvalCount(),
        metrics.evalCount());
  }

  /** The rest of a stream whose first delta was read. */
  private static final class Unfinished implements Pending {
    private final OllamaStream<ChatResponse> stream;
    private final Iterator<ChatResponse> chunks;
    private final String firstDelta;

    Unfinished(OllamaStream<ChatResponse> stream, Iterator<ChatResponse> chunks, String first) {
      this.stream = stream;
      this.chunks = chunks;
      this.firstDelta = first;
    }

    @Override
    public String firstDelta() {
      return firstDelta;
    }

    @Override
    public StreamedAnswer finish() throws IOException {
      try (stream) {
        return readRest(chunks, new StringBuilder(firstDelta), 1);
      }
    }
  }
}
