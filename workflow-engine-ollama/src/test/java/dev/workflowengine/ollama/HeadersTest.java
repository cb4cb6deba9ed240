package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A bearer token and custom headers, for Ollama behind a proxy or the hosted API. */
class HeadersTest extends OllamaServerTest {

  @Test
  void theBearerTokenAndHeadersGoWithEveryRequest() throws Exception {
    client(
        b ->
            b.bearerToken("s3cr3t-token")
                .header("X-Tenant", "acme")
                .header("x-tenant", "umbrella"));
    server.enqueue(MockOllama.json("version.json"));
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));

    client.version();
    client.chatStream(ChatRequest.of("llama3.2", ChatMessage.user("hi"))).last();

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = takeRequest();
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer s3cr3t-token");
      assertThat(request.getHeaders().values("X-Tenant")).containsExactly("umbrella");
    }
  }

  @Test
  void theTokenAndHeaderValuesNeverShowInToString() {
    client(b -> b.bearerToken("s3cr3t-token").header("X-Api-Key", "k3y"));

    assertThat(client.toString())
        .doesNotContain("s3cr3t-token")
        .doesNotContain("k3y")
        .contains("bearerToken=(set)")
        .contains("X-Api-Key");
  }

  @Test
  void aTokenAndAnAuthorizationHeaderTogetherAreAConflict() {
    assertThatThrownBy(
            () -> builder().bearerToken("a").header("Authorization", "Basic Zm9v").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keep one");
  }

  @Test
  void aBaseUrlWithAPathKeepsIt() throws Exception {
    client(b -> b.baseUrl(server.url("/ollama").toString()));
    server.enqueue(MockOllama.json("version.json"));

    client.version();

    assertThat(takeRequest().getUrl().encodedPath()).isEqualTo("/ollama/api/version");
  }
}
