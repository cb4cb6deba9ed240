package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's Ollama section, verbatim but for the base URL, so it cannot rot. */
class ReadmeOllamaTest extends OllamaServerTest {

  @Test
  void theReadmeExampleRuns() {
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));
    server.enqueue(MockOllama.stream("pull-progress.ndjson"));
    String baseUrl = server.url("/").toString();
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // From README.md, "## Ollama":
      try (OllamaClient ollama = OllamaClient.builder().baseUrl(baseUrl).build()) {
        ChatRequest request =
            ChatRequest.builder("llama3.2")
                .message(ChatMessage.user("Why is the sky blue?"))
                .options(Options.builder().temperature(0.2).build())
                .build();
        ChatAccumulator answer = new ChatAccumulator();
        try (OllamaStream<ChatResponse> stream = ollama.chatStream(request)) {
          for (ChatResponse chunk : stream) {
            System.out.print(chunk.content());
            answer.add(chunk);
          }
        }
        System.out.println(answer.metrics().orElseThrow().evalCount() + " tokens");
        ollama.pull("all-minilm").forEach(p -> System.out.println(p.status()));
      }
    } finally {
      System.setOut(console);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .startsWith("The sky is blue because of Rayleigh scattering.9 tokens\npulling manifest\n")
        .endsWith("writing manifest\nsuccess\n");
  }
}
