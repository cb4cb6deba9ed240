package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors before a stream starts: each status Ollama uses, and no server at all. */
class HttpErrorTest extends OllamaServerTest {

  private static final ChatRequest REQUEST =
      ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void badRequestCarriesOllamasExplanation(boolean streaming) {
    server.enqueue(
        MockOllama.error(400, "registry.ollama.ai/library/llama3.2 does not support thinking"));

    assertThatThrownBy(() -> call(streaming))
        .isInstanceOf(OllamaBadRequestException.class)
        .hasMessageContaining("rejected POST /api/chat for model 'llama3.2'")
        .hasMessageContaining("does not support thinking")
        .asInstanceOf(type(OllamaBadRequestException.class))
        .satisfies(
            e -> {
              assertThat(e.ollamaMessage())
                  .isEqualTo("registry.ollama.ai/library/llama3.2 does not support thinking");
              assertThat(e.httpStatus()).hasValue(400);
              assertThat(e.isRetriable()).isFalse();
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aMissingModelSaysHowToPullIt(boolean streaming) {
    server.enqueue(MockOllama.error(404, "model 'llama3.2' not found"));

    assertThatThrownBy(() -> call(streaming))
        .isInstanceOf(ModelNotFoundException.class)
        .isInstanceOf(dev.workflowengine.api.NotFoundException.class)
        .hasMessageContaining("ollama pull llama3.2")
        .hasMessageContaining("model 'llama3.2' not found")
        .asInstanceOf(type(ModelNotFoundException.class))
        .extracting(ModelNotFoundException::model)
        .isEqualTo("llama3.2");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503})
  void overloadStatusesAreRetriedThenReportedAsUnavailable(int status) {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          MockOllama.error(
              status, "server busy, please try again.  maximum pending requests exceeded"));
    }

    assertThatThrownBy(() -> call(true))
        .isInstanceOf(OllamaUnavailableException.class)
        .isInstanceOf(dev.workflowengine.api.UnavailableException.class)
        .hasMessageContaining("HTTP " + status)
        .hasMessageContaining("Gave up after 3 attempts")
        .hasMessageContaining(server.url("/").toString())
        .asInstanceOf(type(OllamaUnavailableException.class))
        .satisfies(
            e -> {
              assertThat(e.isRetriable()).isTrue();
              assertThat(e.httpStatus()).hasValue(status);
            });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anInternalErrorIsATypedServerError(boolean streaming) {
    server.enqueue(MockOllama.error(500, "llama runner process has terminated: signal: killed"));

    assertThatThrownBy(() -> call(streaming))
        .isInstanceOf(OllamaServerException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("llama runner process has terminated")
        .hasMessageContaining("server log")
        .satisfies(e -> assertThat(((OllamaServerException) e).isRetriable()).isFalse());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aGatewayTimeoutIsARetriableServerError() {
    server.enqueue(MockOllama.json(504, "<html>Gateway Timeout</html>"));

    assertThatThrownBy(() -> client.chat(REQUEST))
        .isInstanceOf(OllamaServerException.class)
        .hasMessageContaining("HTTP 504: <html>Gateway Timeout</html>")
        .satisfies(e -> assertThat(((OllamaServerException) e).isRetriable()).isTrue());
  }

  @Test
  void anUnknownEndpointIsNotMistakenForAMissingModel() {
    server.enqueue(MockOllama.json(404, "404 page not found"));

    assertThatThrownBy(() -> client.version())
        .isExactlyInstanceOf(OllamaException.class)
        .hasMessageContaining("has no GET /api/version (HTTP 404: 404 page not found)");
  }

  @Test
  void anUnauthorizedAnswerPointsAtTheCredentials() {
    server.enqueue(MockOllama.json(401, "{\"error\":\"unauthorized\"}"));

    assertThatThrownBy(() -> client.list())
        .isExactlyInstanceOf(OllamaException.class)
        .hasMessageContaining("HTTP 401: unauthorized")
        .hasMessageContaining("bearer token");
  }

  @Test
  void aSuccessWhoseBodyIsNotJsonIsReportedAsSuch() {
    server.enqueue(MockOllama.json(200, "<html>captive portal</html>"));

    assertThatThrownBy(() -> client.chat(REQUEST))
        .isExactlyInstanceOf(OllamaException.class)
        .hasMessageContaining("not the JSON expected");
  }

  @Test
  void nothingListeningIsUnavailableAndSaysHowToStartOllama() throws IOException {
    MockWebServer gone = new MockWebServer();
    gone.start();
    String url = gone.url("/").toString();
    gone.close();
    client(builder -> builder.baseUrl(url));

    assertThatThrownBy(() -> client.chatStream(REQUEST).last())
        .isInstanceOf(OllamaUnavailableException.class)
        .hasMessageContaining("Cannot connect to Ollama at " + url)
        .hasMessageContaining("ollama serve")
        .asInstanceOf(type(OllamaUnavailableException.class))
        .satisfies(
            e -> {
              assertThat(e.baseUrl()).isEqualTo(url);
              assertThat(e.httpStatus()).isEmpty();
            });
    assertThatThrownBy(() -> client.list()).isInstanceOf(OllamaUnavailableException.class);
  }

  private void call(boolean streaming) throws InterruptedException {
    try {
      if (streaming) {
        client.chatStream(REQUEST).last();
      } else {
        client.chat(REQUEST);
      }
    } finally {
      server.takeRequest(1, TimeUnit.SECONDS);
    }
  }
}
