package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelProfilesTest {

  @TempDir Path dir;

  @Test
  void builtInDefaultsNameSmallCurrentModels() {
    ModelProfiles profiles = ModelProfiles.defaults();

    assertThat(profiles.names()).containsExactly("code", "creative", "default", "embedding");
    assertThat(profiles.get("default").model()).isEqualTo("llama3.2:3b");
    assertThat(profiles.get("default").options().toMap())
        .containsExactly(
            entry("top_p", 0.9),
            entry("temperature", 0.7),
            entry("repeat_penalty", 1.1),
            entry("num_ctx", 4096));
    assertThat(profiles.get("code").model()).isEqualTo("qwen2.5-coder:7b");
    assertThat(profiles.get("code").options().temperature()).hasValue(0.1);
    assertThat(profiles.get("creative").model()).isEqualTo("gemma3:4b");
    assertThat(profiles.get("embedding").model()).isEqualTo("nomic-embed-text");
    assertThat(profiles.get("embedding").options().toMap()).containsExactly(entry("num_ctx", 2048));
    assertThat(profiles.pullStrategy()).isEmpty();
  }

  @Test
  void readsTheSeedsFileVerbatim() throws Exception {
    ModelProfiles profiles;
    try (InputStream in = getClass().getResourceAsStream("/seed-models.json")) {
      profiles = ModelProfiles.load(in, "classpath:seed-models.json");
    }

    assertThat(profiles.names()).containsExactly("code", "creative", "default", "embedding");
    ModelProfile defaults = profiles.get("default");
    assertThat(defaults.model()).isEqualTo("llama2:7b");
    assertThat(defaults.options().toMap())
        .containsExactly(
            entry("top_p", 0.9),
            entry("temperature", 0.7),
            entry("repeat_penalty", 1.1),
            entry("num_ctx", 4096));
    assertThat(profiles.get("code").model()).isEqualTo("codellama:7b");
    assertThat(profiles.get("code").options().repeatPenalty()).hasValue(1.05);
    assertThat(profiles.get("creative").model()).isEqualTo("llama2:13b");
    assertThat(profiles.get("creative").options().temperature()).hasValue(0.9);
    assertThat(profiles.get("embedding").model()).isEqualTo("embedding:latest");
    assertThat(profiles.get("embedding").options().toMap()).containsExactly(entry("num_ctx", 2048));
    assertThat(defaults.keepAlive()).isEmpty();
    assertThat(defaults.think()).isEmpty();
    assertThat(profiles.pullStrategy()).isEmpty();
  }

  @Test
  void aFileReplacesProfilesByNameAndCodeAddsMore() throws Exception {
    Path file =
        write("{\"models\": {\"default\": {\"name\": \"mistral:7b\"}}, \"pull\": \"always\"}");
    ModelProfile fast =
        ModelProfiles.defaults().get("default").toBuilder().model("llama3.2:1b").build();
    ModelProfile fastRenamed =
        ModelProfile.builder("fast").model(fast.model()).options(fast.options()).build();

    ModelProfiles profiles =
        ModelProfiles.defaults().toBuilder().load(file).profile(fastRenamed).build();

    assertThat(profiles.names())
        .containsExactly("code", "creative", "default", "embedding", "fast");
    assertThat(profiles.get("default").model()).isEqualTo("mistral:7b");
    assertThat(profiles.get("default").options().isEmpty()).isTrue();
    assertThat(profiles.get("code").model()).isEqualTo("qwen2.5-coder:7b");
    assertThat(profiles.get("fast").model()).isEqualTo("llama3.2:1b");
    assertThat(profiles.get("fast").options().numCtx()).hasValue(4096);
    assertThat(profiles.pullStrategy()).contains(PullStrategy.ALWAYS);
  }

  @Test
  void unknownKeysAreOllamaOptionsPassedThrough() {
    ModelProfiles profiles =
        parse(
            "{\"models\": {\"reasoning\": {\"model\": \"qwen3:8b\", \"num_gpu\": 1,"
                + " \"stop\": [\"</answer>\"], \"flash_sampler\": {\"level\": 2},"
                + " \"options\": {\"mirostat\": 2, \"new_knob\": \"x\"},"
                + " \"keep_alive\": \"30m\", \"think\": \"high\"}},"
                + " \"pull\": \"when-missing\"}");

    ModelProfile reasoning = profiles.get("reasoning");
    assertThat(reasoning.model()).isEqualTo("qwen3:8b");
    assertThat(reasoning.options().numGpu()).hasValue(1);
    assertThat(reasoning.options().mirostat()).hasValue(2);
    assertThat(reasoning.options().stop()).containsExactly("</answer>");
    assertThat(reasoning.options().extra())
        .containsExactly(entry("flash_sampler", Map.of("level", 2)), entry("new_knob", "x"));
    assertThat(reasoning.keepAlive()).contains(KeepAlive.of(Duration.ofMinutes(30)));
    assertThat(reasoning.think()).contains(Think.HIGH);
    assertThat(profiles.pullStrategy()).contains(PullStrategy.WHEN_MISSING);
  }

  @Test
  void keepAliveInSecondsAndThinkAsBoolean() {
    ModelProfile profile =
        parse("{\"models\": {\"p\": {\"name\": \"m\", \"keep_alive\": -1, \"think\": false}}}")
            .get("p");

    assertThat(profile.keepAlive()).contains(KeepAlive.FOREVER);
    assertThat(profile.think()).contains(Think.DISABLED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "not JSON | {\"models\": { | | | is not valid JSON at line 1, column 13: Unexpected end-of-input: expected close marker for Object",
        "an array | [] | | | must be a JSON object",
        "empty | ` ` | | | is empty",
        "no models | {\"profiles\": {}} | | profiles | is not known",
        "models not object | {\"models\": []} | | models | must be an object",
        "profile not object | {\"models\": {\"code\": \"codellama\"}} | code | | must be an object",
        "no model name | {\"models\": {\"code\": {\"temperature\": 0.1}}} | code | name | is missing",
        "model not text | {\"models\": {\"code\": {\"name\": 7}}} | code | name | must be a model name",
        "model with blank | {\"models\": {\"code\": {\"name\": \"code llama\"}}} | code | name | whitespace",
        "temperature text | {\"models\": {\"code\": {\"name\": \"m\", \"temperature\": \"hot\"}}} | code"
            + " | temperature | must be a number but was hot",
        "top_p out of range | {\"models\": {\"code\": {\"name\": \"m\", \"top_p\": 1.5}}} | code"
            + " | top_p | from 0 to 1",
        "context_size text | {\"models\": {\"code\": {\"name\": \"m\", \"context_size\": \"big\"}}}"
            + " | code | context_size | must be a number",
        "context twice | {\"models\": {\"code\": {\"name\": \"m\", \"context_size\": 1,"
            + " \"num_ctx\": 2}}} | code | num_ctx | already set by 'context_size'",
        "null option | {\"models\": {\"code\": {\"name\": \"m\", \"seed\": null}}} | code | seed"
            + " | is null",
        "options not object | {\"models\": {\"code\": {\"name\": \"m\", \"options\": 1}}} | code"
            + " | options | must be an object",
        "nested option | {\"models\": {\"code\": {\"name\": \"m\", \"options\": {\"num_ctx\": -3}}}}"
            + " | code | options.num_ctx | at least 1",
        "keep_alive | {\"models\": {\"code\": {\"name\": \"m\", \"keep_alive\": \"soon\"}}} | code"
            + " | keep_alive | neither a number",
        "think | {\"models\": {\"code\": {\"name\": \"m\", \"think\": 1}}} | code | think"
            + " | must be true, false or a level",
        "pull | {\"models\": {}, \"pull\": \"sometimes\"} | | pull"
            + " | unknown pull strategy 'sometimes'; use one of never, when_missing, always",
        "duplicate key | {\"models\": {\"code\": {\"name\": \"m\", \"name\": \"n\"}}} | | "
            + " | Duplicate field 'name'",
      })
  void aBrokenFileNamesFileProfileAndKey(
      String title, String json, String profile, String key, String problem) throws Exception {
    Path file = write(json);

    assertThatThrownBy(() -> ModelProfiles.load(file))
        .isInstanceOfSatisfying(
            ModelProfileException.class,
            e -> {
              assertThat(e.source()).isEqualTo(file.toString());
              assertThat(e.profile()).isEqualTo(Optional.ofNullable(profile));
              assertThat(e.key()).isEqualTo(Optional.ofNullable(key));
              assertThat(e.getMessage())
                  .startsWith("model profiles " + file)
                  .contains(problem)
                  .doesNotContain("Source:");
              if (profile != null) {
                assertThat(e.getMessage()).contains("profile '" + profile + "'");
              }
              if (key != null) {
                assertThat(e.getMessage()).contains("key '" + key + "'");
              }
            });
  }

  @Test
  void aMissingFileIsAProfileExceptionNamingIt() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> ModelProfiles.load(missing))
        .isInstanceOf(ModelProfileException.class)
        .hasMessageStartingWith("model profiles " + missing + ": cannot be read");
  }

  @Test
  void anUnknownProfileListsTheKnownOnes() {
    assertThatThrownBy(() -> ModelProfiles.defaults().get("fast"))
        .isInstanceOfSatisfying(
            UnknownProfileException.class,
            e -> {
              assertThat(e.profile()).isEqualTo("fast");
              assertThat(e.knownProfiles())
                  .containsExactly("code", "creative", "default", "embedding");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "no model profile named 'fast'; known profiles: code, creative, default,"
                          + " embedding. Add it with ModelProfiles.builder().profile(...) or to"
                          + " the profiles file.");
            });
    assertThat(ModelProfiles.defaults().find("fast")).isEmpty();
  }

  @Test
  void buildersCheckAtOnce() {
    assertThatThrownBy(() -> ModelProfile.builder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank");
    assertThatThrownBy(() -> ModelProfile.builder("p").temperature(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("temperature");
    assertThatThrownBy(() -> ModelProfile.builder("p").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("profile 'p' has no model; call model(...)");
    assertThatThrownBy(() -> ModelProfiles.builder().profile(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("profile");
  }

  @Test
  void pullStrategyNames() {
    assertThat(PullStrategy.fromName("NEVER")).isEqualTo(PullStrategy.NEVER);
    assertThat(PullStrategy.fromName(" when-missing ")).isEqualTo(PullStrategy.WHEN_MISSING);
    assertThat(PullStrategy.ALWAYS.jsonName()).isEqualTo("always");
    assertThatThrownBy(() -> PullStrategy.fromName("often"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown pull strategy 'often'; use one of never, when_missing, always");
  }

  @Test
  void aProfileDerivedWithToBuilderKeepsEverything() {
    ModelProfile base =
        ModelProfile.builder("p")
            .model("m")
            .option("num_gpu", 1)
            .keepAlive(KeepAlive.UNLOAD)
            .think(Think.ENABLED)
            .build();

    ModelProfile derived = base.toBuilder().numCtx(8192).option("num_gpu", null).build();

    assertThat(derived.options().toMap()).containsExactly(entry("num_ctx", 8192));
    assertThat(derived.keepAlive()).contains(KeepAlive.UNLOAD);
    assertThat(derived.think()).contains(Think.ENABLED);
    assertThat(base.options().toMap()).containsExactly(entry("num_gpu", 1));
    assertThat(List.of(base.name(), derived.name())).containsOnly("p");
  }

  private Path write(String json) throws Exception {
    Path file = Files.createTempFile(dir, "models", ".json");
    Files.writeString(file, json);
    return file;
  }

  private static ModelProfiles parse(String json) {
    return ModelProfiles.load(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }
}
