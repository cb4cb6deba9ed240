package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Who the caller is when an authenticated principal is present (as Spring Security's filter chain
 * sets it: the servlet request's user principal), and which browser origins may call.
 */
@SpringBootTest(
    classes = {WebTestApplication.class, CallerAndCorsTests.SignedIn.class},
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "workflow-engine.web.enabled=true",
      "workflow-engine.web.dev-user-header=X-User",
      "workflow-engine.web.cors-allowed-origins=https://app.example.com",
      "workflow-engine.ollama.enabled=false"
    })
class CallerAndCorsTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  /**
   * Stands in for a security filter chain: a request with {@code X-Test-Principal} is signed in as
   * that user, exactly as Spring Security exposes its authentication to the servlet API.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class SignedIn {
    @Bean
    Filter testPrincipal() {
      return (request, response, chain) -> {
        String name = ((HttpServletRequest) request).getHeader("X-Test-Principal");
        if (name == null) {
          chain.doFilter(request, response);
          return;
        }
        Principal principal = () -> name;
        chain.doFilter(
            new HttpServletRequestWrapper((HttpServletRequest) request) {
              @Override
              public Principal getUserPrincipal() {
                return principal;
              }
            },
            response);
      };
    }
  }

  @Test
  void anAuthenticatedPrincipalIsTheCallerWhateverTheDevelopmentHeaderSays() throws Exception {
    HttpResponse<String> started =
        send(
            request("/workflows/greet/execute")
                .header("X-Test-Principal", "alice")
                .header("X-User", "mallory")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\": {\"name\": \"A\"}}")));
    String id = field(started.body(), "execution_id");

    HttpResponse<String> asAlice =
        send(request("/executions/" + id).header("X-Test-Principal", "alice").GET());
    HttpResponse<String> asMallory =
        send(request("/executions/" + id).header("X-User", "mallory").GET());

    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(asAlice.statusCode()).isEqualTo(200);
    assertThat(field(asAlice.body(), "user_id")).isEqualTo("alice");
    assertThat(asMallory.statusCode()).isEqualTo(404);
  }

  @Test
  void aConfiguredOriginMayCallFromABrowserAndAnotherMayNot() throws Exception {
    HttpResponse<String> allowed = send(preflight("https://app.example.com"));
    HttpResponse<String> refused = send(preflight("https://evil.example.com"));

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://app.example.com");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private HttpRequest.Builder preflight(String origin) {
    return request("/workflows/greet/execute")
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }

  private static String field(String json, String name) throws Exception {
    return JSON.readTree(json).path(name).asText();
  }
}
