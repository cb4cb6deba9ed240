package dev.workflowengine.ollama;

import static dev.workflowengine.ollama.MockOllama.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ChatTest extends OllamaServerTest {

  private static final ChatRequest WHY =
      ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));

  @Test
  void streamedChatDeliversEveryChunkInOrderAndTheStatisticsLast() throws Exception {
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));

    List<ChatResponse> chunks = new ArrayList<>();
    try (OllamaStream<ChatResponse> stream = client.chatStream(WHY)) {
      stream.forEach(chunks::add);
    }

    assertThat(chunks).hasSize(10);
    assertThat(chunks.stream().map(ChatResponse::content))
        .containsExactly(
            "The", " sky", " is", " blue", " because", " of", " Rayleigh", " scattering", ".", "");
    assertThat(chunks.subList(0, 9)).allSatisfy(chunk -> assertThat(chunk.done()).isFalse());
    ChatResponse last = chunks.get(9);
    assertThat(last.done()).isTrue();
    assertThat(last.doneReason()).contains("stop");
    assertThat(last.metrics())
        .contains(new Metrics(4883583458L, 1334875L, 26, 342546000L, 9, 4535599000L));
    assertThat(last.metrics().orElseThrow().evalDuration())
        .isEqualTo(Duration.ofNanos(4535599000L));
    assertThat(chunks.get(0).model()).isEqualTo("llama3.2");
    assertThat(chunks.get(0).createdAt()).contains(Instant.parse("2024-07-22T20:33:28.123648Z"));
    assertThat(chunks.get(0).message().role()).isEqualTo(ChatMessage.Role.ASSISTANT);

    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/chat");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"Why is the sky"
                + " blue?\"}],\"stream\":true}");
  }

  @Test
  void chatWithoutStreamingAsksForOneAnswerAndReadsIt() throws Exception {
    server.enqueue(MockOllama.json("chat.json"));

    ChatResponse response = client.chat(WHY);

    assertThat(response.content()).isEqualTo("The sky is blue because of Rayleigh scattering.");
    assertThat(response.done()).isTrue();
    assertThat(response.doneReason()).contains("stop");
    assertThat(response.metrics().orElseThrow().promptEvalCount()).isEqualTo(26);
    assertThat(body(takeRequest()).get("stream").asBoolean()).isFalse();
  }

  @Test
  void theAccumulatedStreamEqualsTheAnswerWithoutStreaming() {
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));
    server.enqueue(MockOllama.json("chat.json"));

    ChatAccumulator accumulator = new ChatAccumulator();
    try (OllamaStream<ChatResponse> stream = client.chatStream(WHY)) {
      stream.forEach(accumulator::add);
    }
    ChatResponse whole = client.chat(WHY);

    assertThat(accumulator.isDone()).isTrue();
    assertThat(accumulator.chunkCount()).isEqualTo(10);
    assertThat(accumulator.toResponse()).isEqualTo(whole);
    assertThat(accumulator.message()).isEqualTo(ChatMessage.assistant(whole.content()));
  }

  @Test
  void streamedThinkingIsKeptApartFromTheContent() throws Exception {
    server.enqueue(MockOllama.stream("chat-stream-thinking.ndjson"));
    ChatRequest request =
        ChatRequest.builder("qwen3:0.6b").message(ChatMessage.user("Why?")).think(true).build();

    ChatAccumulator answer = new ChatAccumulator();
    List<String> thinkingChunks = new ArrayList<>();
    try (OllamaStream<ChatResponse> stream = client.chatStream(request)) {
      for (ChatResponse chunk : stream) {
        chunk.message().thinking().ifPresent(thinkingChunks::add);
        answer.add(chunk);
      }
    }

    assertThat(thinkingChunks).hasSize(9);
    assertThat(answer.thinking()).contains("Okay, the user asks about the sky.");
    assertThat(answer.content()).isEqualTo("Because of Rayleigh scattering.");
    assertThat(answer.message().thinking()).contains("Okay, the user asks about the sky.");
    assertThat(body(takeRequest()).get("think").asBoolean()).isTrue();
  }

  @Test
  void aStreamedToolCallArrivesWholeWithItsArgumentsAsAnObject() throws Exception {
    server.enqueue(MockOllama.stream("chat-stream-tool-call.ndjson"));
    Tool weather =
        Tool.of(
            "get_weather",
            "Current weather in a city",
            Map.of(
                "type", "object",
                "properties", Map.of("city", Map.of("type", "string")),
                "required", List.of("city")));
    ChatRequest request =
        ChatRequest.builder("llama3.2")
            .message(ChatMessage.user("Weather in Paris?"))
            .tool(weather)
            .build();

    ChatAccumulator answer = new ChatAccumulator();
    try (OllamaStream<ChatResponse> stream = client.chatStream(request)) {
      stream.forEach(answer::add);
    }

    assertThat(answer.toolCalls())
        .containsExactly(ToolCall.of("get_weather", Map.of("city", "Paris", "unit", "celsius")));
    assertThat(answer.toolCalls().get(0).argumentsJson())
        .isEqualTo("{\"city\":\"Paris\",\"unit\":\"celsius\"}");
    JsonNode tools = body(takeRequest()).get("tools");
    assertThat(tools).hasSize(1);
    assertThat(tools.get(0).get("type").asText()).isEqualTo("function");
    assertThat(tools.get(0).get("function").get("name").asText()).isEqualTo("get_weather");
    assertThat(tools.get(0).get("function").get("description").asText())
        .isEqualTo("Current weather in a city");
    assertThat(tools.get(0).get("function").get("parameters").get("required").get(0).asText())
        .isEqualTo("city");
  }

  @Test
  void severalStreamedToolCallsKeepTheirIdsIndexesAndNestedArguments() {
    server.enqueue(MockOllama.stream("chat-stream-tool-calls.ndjson"));

    ChatAccumulator answer = new ChatAccumulator();
    try (OllamaStream<ChatResponse> stream = client.chatStream(WHY)) {
      stream.forEach(answer::add);
    }

    List<ToolCall> calls = answer.toolCalls();
    assertThat(calls)
        .extracting(ToolCall::name)
        .containsExactly("get_weather", "get_weather", "get_time");
    assertThat(calls)
        .extracting(ToolCall::id)
        .containsExactly(
            Optional.of("call_k2s9mdbv"),
            Optional.of("call_1rnbj5xq"),
            Optional.of("call_y8d0qe3f"));
    assertThat(calls)
        .extracting(ToolCall::index)
        .containsExactly(OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(2));
    assertThat(calls.get(1).arguments()).isEqualTo(Map.of("city", "Tokyo"));
    assertThat(calls.get(2).arguments())
        .isEqualTo(
            Map.of(
                "timezone", "Asia/Tokyo",
                "format", Map.of("24h", true),
                "fields", List.of("hour", "minute")));
    assertThat(answer.toResponse().createdAt())
        .contains(Instant.parse("2025-10-14T18:02:31.433019Z"));
    assertThatThrownBy(() -> calls.get(2).arguments().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toolCallsAndResultsGoBackInTheHistoryAsOllamaExpects() throws Exception {
    server.enqueue(MockOllama.json("chat.json"));
    ChatMessage assistant =
        ChatMessage.builder(ChatMessage.Role.ASSISTANT)
            .thinking("I should look it up.")
            .toolCall(ToolCall.of("get_weather", Map.of("city", "Paris")))
            .build();
    ChatRequest request =
        ChatRequest.builder("llama3.2")
            .message(ChatMessage.user("Weather in Paris?"))
            .message(assistant)
            .message(ChatMessage.tool("get_weather", "22 degrees, sunny"))
            .build();

    client.chat(request);

    assertThat(body(takeRequest()).get("messages").toString())
        .isEqualTo(
            "[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
                + "{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"I should look it up.\","
                + "\"tool_calls\":[{\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"Paris\"}}}]},"
                + "{\"role\":\"tool\",\"content\":\"22 degrees, sunny\",\"tool_name\":\"get_weather\"}]");
  }

  @Test
  void aJsonSchemaFormatIsSentAsTheSchemaObject() throws Exception {
    server.enqueue(MockOllama.json("chat.json"));
    server.enqueue(MockOllama.json("chat.json"));
    Format schema =
        Format.schema(
            "{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"integer\"},"
                + "\"available\":{\"type\":\"boolean\"}},\"required\":[\"age\",\"available\"]}");

    client.chat(WHY.toBuilder().format(schema).build());
    client.chat(WHY.toBuilder().format(Format.JSON).build());

    assertThat(body(takeRequest()).get("format").toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"integer\"},"
                + "\"available\":{\"type\":\"boolean\"}},\"required\":[\"age\",\"available\"]}");
    assertThat(body(takeRequest()).get("format").asText()).isEqualTo("json");
  }

  @Test
  void keepAliveIsSentOnlyWhenSetSoTheServersDefaultWins() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(MockOllama.json("chat.json"));
    }

    client.chat(WHY);
    client.chat(WHY.toBuilder().keepAlive(Duration.ofMinutes(30)).build());
    client.chat(WHY.toBuilder().keepAlive(KeepAlive.FOREVER).build());
    client.chat(WHY.toBuilder().keepAlive(KeepAlive.parse("1h30m")).build());

    assertThat(body(takeRequest()).has("keep_alive")).isFalse();
    assertThat(body(takeRequest()).get("keep_alive").asLong()).isEqualTo(1800);
    assertThat(body(takeRequest()).get("keep_alive").asLong()).isEqualTo(-1);
    assertThat(body(takeRequest()).get("keep_alive").asLong()).isEqualTo(5400);
  }

  @Test
  void everySettingOfARichRequestIsSentAndNothingElse() throws Exception {
    server.enqueue(MockOllama.json("chat.json"));
    ChatRequest request =
        ChatRequest.builder("gpt-oss:20b")
            .message(ChatMessage.system("Be brief."))
            .message(
                ChatMessage.builder(ChatMessage.Role.USER)
                    .content("What is this?")
                    .image(new byte[] {1, 2, 3})
                    .build())
            .options(Options.builder().temperature(0.2).numCtx(8192).stop("\n\n").seed(42).build())
            .think(Think.HIGH)
            .keepAlive(Duration.ofMillis(1500))
            .topLogprobs(3)
            .build();

    client.chat(request);

    assertThat(takeRequest().getBody().utf8())
        .isEqualTo(
            "{\"model\":\"gpt-oss:20b\",\"messages\":[{\"role\":\"system\",\"content\":\"Be"
                + " brief.\"},{\"role\":\"user\",\"content\":\"What is this?\",\"images\":[\"AQID\"]}],"
                + "\"options\":{\"seed\":42,\"temperature\":0.2,\"stop\":[\"\\n\\n\"],\"num_ctx\":8192},"
                + "\"think\":\"high\",\"keep_alive\":1.5,\"logprobs\":true,\"top_logprobs\":3,"
                + "\"stream\":false}");
  }

  @Test
  void aStreamOffersJavaStreamsAndItsLastElement() {
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));

    String text;
    try (var chunks = client.chatStream(WHY).stream()) {
      text = chunks.map(ChatResponse::content).reduce("", String::concat);
    }
    ChatResponse last = client.chatStream(WHY).last();

    assertThat(text).isEqualTo("The sky is blue because of Rayleigh scattering.");
    assertThat(last.done()).isTrue();
    assertThat(last.metrics()).isPresent();
  }

  @Test
  void aStreamCanBeIteratedOnlyOnce() {
    server.enqueue(MockOllama.stream("chat-stream.ndjson"));
    try (OllamaStream<ChatResponse> stream = client.chatStream(WHY)) {
      stream.forEach(chunk -> {});
      assertThatThrownBy(stream::iterator)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("only once");
    }
  }

  @Test
  void nothingIsSentUntilIterationStartsAndAStreamClosedUnreadSendsNothing() throws Exception {
    OllamaStream<ChatResponse> stream = client.chatStream(WHY);
    stream.close();

    assertThat(server.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
    assertThat(stream.iterator().hasNext()).isFalse();
    assertThat(server.getRequestCount()).isZero();
  }
}
