package dev.workflowengine.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.testing.ScriptedChatModel;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which models the samples run on and says so. A real Ollama is used when one answers at
 * {@code OLLAMA_BASE_URL} and this build has an Ollama client; until then every sample runs on the
 * scripted models of {@code workflow-engine-testing}, whose answers are written to look like a
 * model's.
 */
final class SampleModels {

  static final String DEFAULT_BASE_URL = "http://localhost:11434";

  private SampleModels() {}

  /** Prints the one line that says what the samples run on. */
  static void announce(PrintStream out) {
    String baseUrl = Optional.ofNullable(System.getenv("OLLAMA_BASE_URL")).orElse(DEFAULT_BASE_URL);
    Optional<String> version = ollamaVersion(baseUrl);
    if (version.isPresent()) {
      out.println(
          "Models: scripted (workflow-engine-testing). Ollama "
              + version.get()
              + " answered at "
              + baseUrl
              + ", but this build has no Ollama client yet, so the samples stay scripted.");
    } else {
      out.println(
          "Models: scripted (workflow-engine-testing); no Ollama answered at "
              + baseUrl
              + ", so every model answer below is scripted.");
    }
  }

  /** A scripted model whose every answer is computed from the prompt it receives. */
  static ChatModel scripted(String name, Function<String, String> answer) {
    return ScriptedChatModel.builder()
        .modelName(name)
        .fallback(request -> answer.apply(ScriptedChatModel.lastUserText(request).orElse("")))
        .build();
  }

  private static Optional<String> ollamaVersion(String baseUrl) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + "/api/version"))
              .timeout(Duration.ofSeconds(2))
              .GET()
              .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      String body = response.body();
      int start = body.indexOf("\"version\"");
      return Optional.of(
          start < 0 ? "(unknown version)" : body.substring(start).replaceAll("[^0-9.]", ""));
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
