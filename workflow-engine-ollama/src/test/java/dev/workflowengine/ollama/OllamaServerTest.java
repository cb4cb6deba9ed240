package dev.workflowengine.ollama;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A mock Ollama server and a client of it with short timeouts, fresh for every test. Public for the
 * adapter tests in {@code ollama.langchain4j}, which need only the server and the client.
 */
public abstract class OllamaServerTest {

  protected MockWebServer server;
  protected OllamaClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    client = builder().build();
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.close();
  }

  /** Timeouts of seconds, so a hang fails fast; retries of milliseconds. */
  OllamaClientBuilder builder() {
    return OllamaClient.builder()
        .baseUrl(server.url("/").toString())
        .connectTimeout(Duration.ofSeconds(2))
        .firstChunkTimeout(Duration.ofSeconds(5))
        .idleTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(5))
        .maxRetries(2)
        .retryDelay(Duration.ofMillis(1), Duration.ofMillis(20));
  }

  /** Replaces the client with one configured differently. */
  OllamaClient client(UnaryOperator<OllamaClientBuilder> settings) {
    client.close();
    client = settings.apply(builder()).build();
    return client;
  }

  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the client sent no request");
    }
    return request;
  }
}
