package dev.workflowengine.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.ollama.ModelProfiles;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.OllamaHealth;
import dev.workflowengine.ollama.OllamaStream;
import dev.workflowengine.ollama.Progress;
import dev.workflowengine.testing.ScriptedChatModel;
import dev.workflowengine.testing.ScriptedStreamingChatModel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides which models the samples run on and says so. A real Ollama is used when one answers at
 * {@code OLLAMA_BASE_URL} (default {@code http://localhost:11434}), with the model of the {@code
 * default} profile ({@code OLLAMA_MODEL} picks another) pulled first when it is missing; otherwise
 * every sample runs on the scripted models of {@code workflow-engine-testing}, whose answers are
 * written to look like a model's.
 */
final class SampleModels implements AutoCloseable {

  static final String DEFAULT_BASE_URL = "http://localhost:11434";
  static final String PROFILE = "default";

  private final Optional<OllamaClient> ollama;
  private final String announcement;

  private SampleModels(Optional<OllamaClient> ollama, String announcement) {
    this.ollama = ollama;
    this.announcement = announcement;
  }

  /** From {@code OLLAMA_BASE_URL} and {@code OLLAMA_MODEL}; a download's progress goes to out. */
  static SampleModels fromEnvironment(PrintStream out) {
    return detect(
        Optional.ofNullable(System.getenv("OLLAMA_BASE_URL")).orElse(DEFAULT_BASE_URL),
        Optional.ofNullable(System.getenv("OLLAMA_MODEL")).filter(name -> !name.isBlank()),
        out);
  }

  /**
   * Ollama at this address when it answers and has the model or can pull it (with a progress bar on
   * out), else scripted models.
   */
  static SampleModels detect(String baseUrl, Optional<String> model, PrintStream out) {
    ModelProfiles profiles = profiles(model);
    String wanted = profiles.get(PROFILE).model();
    OllamaClient client =
        OllamaClient.builder()
            .baseUrl(baseUrl)
            .connectTimeout(Duration.ofSeconds(1)) // a local server answers at once or is not there
            .requestTimeout(Duration.ofSeconds(3))
            .maxRetries(0)
            .profiles(profiles)
            .build();
    OllamaHealth health = client.health();
    if (!health.reachable()) {
      client.close();
      return scripted(
          "Models: scripted (workflow-engine-testing); no Ollama answered at "
              + baseUrl
              + ", so every model answer below is scripted.");
    }
    String ollama = "Ollama " + health.version().orElse("(unknown version)") + " at " + baseUrl;
    if (!has(health.models(), wanted)) {
      out.println(
          "Models: "
              + ollama
              + " has no "
              + wanted
              + " yet; pulling it first (OLLAMA_MODEL picks"
              + " another):");
      Optional<String> problem = pull(client, wanted, out);
      if (problem.isPresent()) {
        client.close();
        return scripted(
            "Models: scripted (workflow-engine-testing). "
                + ollama
                + " answered but could not pull "
                + wanted
                + " ("
                + problem.get()
                + "); set OLLAMA_MODEL to one of "
                + health.models()
                + " to run the samples on it.");
      }
    }
    return new SampleModels(
        Optional.of(client),
        "Models: "
            + ollama
            + ", profile "
            + PROFILE
            + " = "
            + wanted
            + " (OLLAMA_MODEL picks another).");
  }

  /** Pulls the model with a progress bar; the problem, if it failed. */
  private static Optional<String> pull(OllamaClient client, String model, PrintStream out) {
    PullProgressBar bar = new PullProgressBar(out, model);
    try (OllamaStream<Progress> progress = client.pull(model)) {
      progress.forEach(bar::show);
      return Optional.empty();
    } catch (WorkflowException e) {
      return Optional.of(e.getMessage());
    } finally {
      bar.endLine();
    }
  }

  /** Scripted models only, saying why. */
  static SampleModels scripted(String announcement) {
    return new SampleModels(Optional.empty(), announcement);
  }

  /** Prints the one line that says what the samples run on. */
  void announce(PrintStream out) {
    out.println(announcement);
  }

  /** The one line that says what the samples run on. */
  String announcement() {
    return announcement;
  }

  /** Whether the answers come from a real model. */
  boolean real() {
    return ollama.isPresent();
  }

  /**
   * The Ollama model of the default profile, or a scripted model whose every answer is computed
   * from the prompt it receives.
   */
  ChatModel chat(String scriptedName, Function<String, String> scriptedAnswer) {
    return ollama
        .map(client -> client.chatModel(PROFILE))
        .orElseGet(
            () ->
                ScriptedChatModel.builder()
                    .modelName(scriptedName)
                    .fallback(
                        request ->
                            scriptedAnswer.apply(
                                ScriptedChatModel.lastUserText(request).orElse("")))
                    .build());
  }

  /**
   * The Ollama model of the default profile, or this scripted one: for scripts that call tools,
   * which an answer computed from the prompt alone cannot.
   */
  ChatModel chat(Supplier<? extends ChatModel> scripted) {
    return ollama.<ChatModel>map(client -> client.chatModel(PROFILE)).orElseGet(scripted);
  }

  /**
   * The streaming Ollama model of the default profile, or one streaming this scripted answer to
   * every request (the monitor application runs its workflow as often as someone clicks Start).
   */
  StreamingChatModel streaming(String scriptedAnswer) {
    return ollama
        .map(client -> client.streamingChatModel(PROFILE))
        .orElseGet(
            () -> ScriptedStreamingChatModel.builder().fallback(request -> scriptedAnswer).build());
  }

  @Override
  public void close() {
    ollama.ifPresent(OllamaClient::close);
  }

  private static ModelProfiles profiles(Optional<String> model) {
    ModelProfiles defaults = ModelProfiles.defaults();
    return model
        .map(
            name ->
                defaults.toBuilder()
                    .profile(defaults.get(PROFILE).toBuilder().model(name).build())
                    .build())
        .orElse(defaults);
  }

  /** Ollama lists {@code llama3.2} as {@code llama3.2:latest}. */
  private static boolean has(List<String> models, String wanted) {
    return models.contains(wanted)
        || (!wanted.contains(":") && models.contains(wanted + ":latest"));
  }
}
