package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value types check what they are given at once and cannot be changed afterwards. */
class ValuesTest {

  @Test
  void keepAliveReadsOllamasForms() {
    assertThat(KeepAlive.parse("5m").duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(KeepAlive.parse("1h30m").duration()).isEqualTo(Duration.ofMinutes(90));
    assertThat(KeepAlive.parse("1.5h").duration()).isEqualTo(Duration.ofMinutes(90));
    assertThat(KeepAlive.parse("500ms").duration()).isEqualTo(Duration.ofMillis(500));
    assertThat(KeepAlive.parse("300").duration()).isEqualTo(Duration.ofSeconds(300));
    assertThat(KeepAlive.parse("0")).isEqualTo(KeepAlive.UNLOAD);
    assertThat(KeepAlive.parse("-1")).isEqualTo(KeepAlive.FOREVER);
    assertThat(KeepAlive.parse("-1m")).isEqualTo(KeepAlive.FOREVER);
    assertThat(KeepAlive.of(Duration.ofHours(-3)).isForever()).isTrue();
    assertThat(KeepAlive.of(Duration.ofMillis(1500)).wireSeconds()).hasToString("1.5");
    assertThat(KeepAlive.of(Duration.ofMinutes(30)).wireSeconds()).hasToString("1800");
    assertThatThrownBy(() -> KeepAlive.parse("five minutes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'5m'");
  }

  @Test
  void thinkLevelsImplyThinking() {
    assertThat(Think.HIGH.enabled()).isTrue();
    assertThat(Think.level("max")).isEqualTo(Think.MAX);
    assertThatThrownBy(() -> new Think(false, java.util.Optional.of("high")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Think.level(" high")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsCheckTypesAndRangesByWireNameAndKeepUnknownOnes() {
    Options options =
        Options.fromMap(
            Map.of(
                "temperature", 0.7, "num_ctx", 8192, "stop", "END", "future_option", List.of(1)));

    assertThat(options.temperature()).hasValue(0.7);
    assertThat(options.numCtx()).hasValue(8192);
    assertThat(options.stop()).containsExactly("END");
    assertThat(options.extra()).containsEntry("future_option", List.of(1));
    assertThat(options.toMap()).containsKeys("temperature", "num_ctx", "stop", "future_option");
    assertThatThrownBy(() -> Options.builder().topP(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option top_p must be from 0 to 1 but was 1.5");
    assertThatThrownBy(() -> Options.fromMap(Map.of("num_ctx", "big")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option num_ctx must be a number but was big");
    assertThatThrownBy(() -> Options.fromMap(Map.of("num_ctx", 2.5)))
        .hasMessage("option num_ctx must be a whole number but was 2.5");
    assertThatThrownBy(() -> Options.builder().numCtx(0))
        .hasMessage("option num_ctx must be at least 1 but was 0");
    assertThatThrownBy(() -> Options.builder().temperature(Double.NaN))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> Options.builder().option("use_mmap", "yes"))
        .hasMessage("option use_mmap must be true or false but was yes");
  }

  @Test
  void optionsMergeLetTheOverridesWin() {
    Options profile = Options.builder().temperature(0.7).numCtx(4096).build();
    Options request = Options.builder().temperature(0.1).seed(7).build();

    Options merged = profile.merge(request);

    assertThat(merged.temperature()).hasValue(0.1);
    assertThat(merged.numCtx()).hasValue(4096);
    assertThat(merged.seed()).hasValue(7);
    assertThat(Options.NONE.isEmpty()).isTrue();
    assertThat(merged.isEmpty()).isFalse();
  }

  @Test
  void requestsCopyWhatTheyAreGiven() {
    List<ChatMessage> history = new ArrayList<>(List.of(ChatMessage.user("hi")));
    Map<String, Object> schema = new HashMap<>(Map.of("type", "object"));
    ChatRequest request =
        ChatRequest.builder("llama3.2").messages(history).format(Format.schema(schema)).build();

    history.add(ChatMessage.user("sneaky"));
    schema.put("type", "array");

    assertThat(request.messages()).hasSize(1);
    assertThat(request.format().orElseThrow().schema().orElseThrow())
        .containsEntry("type", "object");
    assertThatThrownBy(() -> request.messages().add(ChatMessage.user("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void buildersRefuseBadValuesAtOnce() {
    assertThatThrownBy(() -> ChatRequest.builder("llama 3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contains whitespace");
    assertThatThrownBy(() -> ChatRequest.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ChatRequest.builder("llama3.2").topLogprobs(21))
        .hasMessageContaining("0 to 20");
    assertThatThrownBy(() -> EmbedRequest.builder("all-minilm").build())
        .hasMessageContaining("give at least one text");
    assertThatThrownBy(() -> CreateRequest.builder("x").build())
        .hasMessageContaining("set from(model) or add the files");
    assertThatThrownBy(() -> CreateRequest.builder("x").parameter("top_k", -1))
        .hasMessageContaining("top_k");
    assertThatThrownBy(
            () ->
                ChatMessage.builder(ChatMessage.Role.USER)
                    .imageBase64("data:image/png;base64,AAAA"))
        .hasMessageContaining("not base64");
    assertThatThrownBy(
            () ->
                ChatMessage.builder(ChatMessage.Role.USER)
                    .toolCall(ToolCall.of("f", Map.of()))
                    .build())
        .hasMessageContaining("only assistant messages carry tool calls");
    assertThatThrownBy(() -> Format.schema("[1,2]")).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> Tool.of("f", "d", "{not json"))
        .hasMessageContaining("parameters is not valid JSON");
  }

  @Test
  void clientBuilderChecksItsSettings() {
    OllamaClientBuilder builder = OllamaClient.builder();

    assertThatThrownBy(() -> builder.baseUrl("localhost:11434"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> builder.idleTimeout(Duration.ZERO))
        .hasMessage("idleTimeout must be positive but was PT0S");
    assertThatThrownBy(() -> builder.retryDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("shorter than the base delay");
    assertThatThrownBy(() -> builder.maxRetries(-1)).hasMessageContaining("from 0 to 20");
    assertThatThrownBy(() -> builder.header("Bad Header", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.bearerToken("two words")).hasMessageContaining("whitespace");
    try (OllamaClient client = builder.baseUrl("https://ollama.example.com/v1").build()) {
      assertThat(client.baseUrl()).isEqualTo("https://ollama.example.com/v1/");
      assertThat(client.toString())
          .contains("firstChunkTimeout=PT5M")
          .contains("idleTimeout=PT2M")
          .contains("totalTimeout=none");
    }
  }
}
