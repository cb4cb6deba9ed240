package dev.workflowengine.ollama;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A set of {@link ModelProfile}s by name, plus the {@link PullStrategy} a profiles file asks for.
 * Built in code, loaded from a JSON file in the shape of {@code config/ollama/models.json}, or
 * both: later profiles replace earlier ones of the same name. Immutable and thread-safe.
 *
 * <pre>{@code
 * ModelProfiles profiles = ModelProfiles.defaults().toBuilder()
 *     .load(Path.of("config/ollama/models.json"))   // replaces default, code, ... by name
 *     .profile(ModelProfile.builder("fast").model("llama3.2:1b").temperature(0.2).build())
 *     .build();
 * ChatModel model = OllamaModels.builder(client).profiles(profiles).build().chatModel("code");
 * }</pre>
 *
 * <p>The file format, every key but {@code name} optional:
 *
 * <pre>{@code
 * {
 *   "models": {
 *     "default": {"name": "llama3.2:3b", "context_size": 4096, "temperature": 0.7,
 *                 "top_p": 0.9, "repeat_penalty": 1.1},
 *     "reasoning": {"name": "qwen3:8b", "think": true, "keep_alive": "30m", "num_gpu": 1}
 *   },
 *   "pull": "when_missing",
 *   "endpoints": {"chat": "/api/chat"}
 * }
 * }</pre>
 *
 * In a profile, {@code name} (or {@code model}) is the Ollama model, {@code context_size} means
 * {@code num_ctx}, {@code keep_alive} and {@code think} are sent with each request, an {@code
 * options} object holds options explicitly, and every other key is an Ollama option: documented
 * ones are type-checked, unknown ones are passed through as written. {@code endpoints} is accepted
 * and ignored, since the client knows Ollama's paths.
 */
public final class ModelProfiles {

  private final Map<String, ModelProfile> profiles;
  private final PullStrategy pullStrategy;

  private ModelProfiles(Map<String, ModelProfile> profiles, PullStrategy pullStrategy) {
    this.profiles = Map.copyOf(profiles);
    this.pullStrategy = pullStrategy;
  }

  /**
   * The built-in profiles: small current models that run on a laptop.
   *
   * <ul>
   *   <li>{@code default}: {@code llama3.2:3b}, temperature 0.7, top_p 0.9, repeat_penalty 1.1,
   *       num_ctx 4096 (the values of the original {@code models.json});
   *   <li>{@code code}: {@code qwen2.5-coder:7b}, temperature 0.1, top_p 0.95, repeat_penalty 1.05,
   *       num_ctx 8192;
   *   <li>{@code creative}: {@code gemma3:4b}, temperature 0.9, top_p 0.95, repeat_penalty 1.1,
   *       num_ctx 4096;
   *   <li>{@code embedding}: {@code nomic-embed-text}, num_ctx 2048.
   * </ul>
   *
   * @return the profiles; no pull strategy set
   */
  public static ModelProfiles defaults() {
    return builder()
        .profile(profile("default", "llama3.2:3b", 4096, 0.7, 0.9, 1.1))
        .profile(profile("code", "qwen2.5-coder:7b", 8192, 0.1, 0.95, 1.05))
        .profile(profile("creative", "gemma3:4b", 4096, 0.9, 0.95, 1.1))
        .profile(ModelProfile.builder("embedding").model("nomic-embed-text").numCtx(2048).build())
        .build();
  }

  /**
   * Reads a profiles file.
   *
   * @param file the file
   * @return its profiles
   * @throws ModelProfileException naming the file, profile and key if it cannot be used
   */
  public static ModelProfiles load(Path file) {
    return builder().load(file).build();
  }

  /**
   * Reads profiles from a stream, such as a class-path resource. The stream is not closed.
   *
   * @param json the JSON, UTF-8
   * @param source a name for the stream in error messages, such as {@code classpath:models.json}
   * @return its profiles
   * @throws ModelProfileException naming the source, profile and key if it cannot be used
   */
  public static ModelProfiles load(InputStream json, String source) {
    return builder().load(json, source).build();
  }

  /**
   * A builder with no profiles.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these profiles, to add or replace some.
   *
   * @return a new builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder builder = new Builder().profiles(this);
    builder.pullStrategy = pullStrategy;
    return builder;
  }

  /**
   * The profile of a name.
   *
   * @param name the profile's name
   * @return the profile
   * @throws UnknownProfileException listing the known names if there is none of that name
   */
  public ModelProfile get(String name) {
    ModelProfile profile = profiles.get(Objects.requireNonNull(name, "name"));
    if (profile == null) {
      throw new UnknownProfileException(name, names());
    }
    return profile;
  }

  /**
   * The profile of a name, if there is one.
   *
   * @param name the profile's name
   * @return the profile
   */
  public Optional<ModelProfile> find(String name) {
    return Optional.ofNullable(profiles.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * The names of all profiles.
   *
   * @return the names, sorted
   */
  public List<String> names() {
    return List.copyOf(new TreeMap<>(profiles).keySet());
  }

  /**
   * The pull strategy set in code or by a file's {@code "pull"} key.
   *
   * @return the strategy, absent when none was set
   */
  public Optional<PullStrategy> pullStrategy() {
    return Optional.ofNullable(pullStrategy);
  }

  @Override
  public String toString() {
    return "ModelProfiles" + new TreeMap<>(profiles).values();
  }

  private static ModelProfile profile(
      String name, String model, int numCtx, double temperature, double topP, double penalty) {
    return ModelProfile.builder(name)
        .model(model)
        .numCtx(numCtx)
        .temperature(temperature)
        .topP(topP)
        .repeatPenalty(penalty)
        .build();
  }

  /** Builds {@link ModelProfiles}; later profiles replace earlier ones. Not thread-safe. */
  public static final class Builder {
    private final Map<String, ModelProfile> profiles = new TreeMap<>();
    private PullStrategy pullStrategy;

    private Builder() {}

    /**
     * Adds a profile, replacing one of the same name.
     *
     * @param profile the profile
     * @return this builder
     */
    public Builder profile(ModelProfile profile) {
      profiles.put(Objects.requireNonNull(profile, "profile").name(), profile);
      return this;
    }

    /**
     * Adds every profile of a set, replacing those of the same names, and its pull strategy if it
     * has one.
     *
     * @param other the profiles
     * @return this builder
     */
    public Builder profiles(ModelProfiles other) {
      Objects.requireNonNull(other, "other").profiles.values().forEach(this::profile);
      other.pullStrategy().ifPresent(this::pullStrategy);
      return this;
    }

    /**
     * Adds the profiles of a file, replacing those of the same names.
     *
     * @param file the profiles file
     * @return this builder
     * @throws ModelProfileException naming the file, profile and key if it cannot be used
     */
    public Builder load(Path file) {
      Objects.requireNonNull(file, "file");
      try (InputStream in = Files.newInputStream(file)) {
        return load(in, file.toString());
      } catch (IOException e) {
        throw new ModelProfileException(
            file.toString(), null, null, "cannot be read (" + e + ")", e);
      }
    }

    /**
     * Adds the profiles of a stream, replacing those of the same names. The stream is not closed.
     *
     * @param json the JSON, UTF-8
     * @param source a name for the stream in error messages
     * @return this builder
     * @throws ModelProfileException naming the source, profile and key if it cannot be used
     */
    public Builder load(InputStream json, String source) {
      return profiles(ProfilesFile.read(Objects.requireNonNull(json, "json"), source));
    }

    /**
     * The pull strategy to use unless the {@link OllamaModels} builder sets another.
     *
     * @param strategy the strategy
     * @return this builder
     */
    public Builder pullStrategy(PullStrategy strategy) {
      this.pullStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Builds the profiles.
     *
     * @return the profiles
     */
    public ModelProfiles build() {
      return new ModelProfiles(profiles, pullStrategy);
    }
  }

  /** For {@link ProfilesFile}: profiles read from a file, with its strategy if it had one. */
  static ModelProfiles of(List<ModelProfile> read, PullStrategy pullStrategy) {
    Builder builder = builder();
    read.forEach(builder::profile);
    builder.pullStrategy = pullStrategy;
    return builder.build();
  }
}
