package dev.workflowengine.ollama.langchain4j;

import static dev.workflowengine.ollama.MockOllama.body;
import static dev.workflowengine.ollama.MockOllama.json;
import static dev.workflowengine.ollama.MockOllama.jsonTranscript;
import static dev.workflowengine.ollama.MockOllama.modelNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.workflowengine.ollama.KeepAlive;
import dev.workflowengine.ollama.ModelNotFoundException;
import dev.workflowengine.ollama.ModelProfile;
import dev.workflowengine.ollama.ModelProfiles;
import dev.workflowengine.ollama.OllamaBadRequestException;
import dev.workflowengine.ollama.OllamaModels;
import dev.workflowengine.ollama.OllamaServerTest;
import dev.workflowengine.ollama.Think;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatModelAdapterTest extends OllamaServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void answersTextWithUsageFinishReasonAndTheProfilesOptions() throws Exception {
    server.enqueue(jsonTranscript("plain.json"));
    ChatModel model = OllamaModels.builder(client).build().chatModel("default");

    ChatResponse response =
        model.chat(
            ChatRequest.builder()
                .messages(SystemMessage.from("Be brief."), UserMessage.from("Why is the sky blue?"))
                .build());

    assertThat(response.aiMessage().text())
        .isEqualTo("The sky is blue because of Rayleigh scattering.");
    assertThat(response.aiMessage().thinking()).isNull();
    assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
    assertThat(response.metadata().modelName()).isEqualTo("llama3.2:3b");
    assertThat(response.metadata().tokenUsage()).isEqualTo(new TokenUsage(31, 10, 41));
    assertThat(response.metadata().finishReason()).isEqualTo(FinishReason.STOP);
    assertBody(
        server.takeRequest(),
        "{\"model\":\"llama3.2:3b\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":\"Why is the sky blue?\"}],"
            + "\"options\":{\"top_p\":0.9,\"temperature\":0.7,\"repeat_penalty\":1.1,"
            + "\"num_ctx\":4096},\"stream\":false}");
  }

  @Test
  void everyLangChain4jParameterOllamaHasIsSentAsAnOption() throws Exception {
    server.enqueue(jsonTranscript("plain.json"));
    ChatModel model = OllamaModels.builder(client).build().chatModel("default");

    model.chat(
        ChatRequest.builder()
            .messages(UserMessage.from("hi"))
            .parameters(
                ChatRequestParameters.builder()
                    .modelName("llama3.2:1b")
                    .temperature(0.2)
                    .topP(0.5)
                    .topK(20)
                    .frequencyPenalty(0.3)
                    .presencePenalty(-0.4)
                    .maxOutputTokens(64)
                    .stopSequences("###", "END")
                    .build())
            .build());

    JsonNode body = body(server.takeRequest());
    assertThat(body.get("model").asText()).isEqualTo("llama3.2:1b");
    assertThat(body.get("options"))
        .isEqualTo(
            JSON.readTree(
                "{\"num_predict\":64,\"top_k\":20,\"top_p\":0.5,\"temperature\":0.2,"
                    + "\"repeat_penalty\":1.1,\"presence_penalty\":-0.4,"
                    + "\"frequency_penalty\":0.3,\"stop\":[\"###\",\"END\"],\"num_ctx\":4096}"));
  }

  @Test
  void theProfilesParametersAreTheModelsDefaults() {
    ChatModel model = OllamaModels.builder(client).build().chatModel("code");

    ChatRequestParameters defaults = model.defaultRequestParameters();

    assertThat(defaults.modelName()).isEqualTo("qwen2.5-coder:7b");
    assertThat(defaults.temperature()).isEqualTo(0.1);
    assertThat(defaults.topP()).isEqualTo(0.95);
    assertThat(model.provider()).isEqualTo(ModelProvider.OLLAMA);
    assertThat(model.supportedCapabilities())
        .containsExactly(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
  }

  @Test
  void severalToolCallsComeBackAsToolExecutionRequests() throws Exception {
    server.enqueue(jsonTranscript("tool-calls.json"));
    ChatModel model = OllamaClientChatModel.builder(client).modelName("qwen3:8b").build();

    ChatResponse response =
        model.chat(
            ChatRequest.builder()
                .messages(UserMessage.from("Weather in Paris and Tokyo, and the time in Tokyo?"))
                .toolSpecifications(Tools.WEATHER, Tools.TIME)
                .build());

    assertThat(response.aiMessage().text()).isNull();
    assertThat(response.aiMessage().toolExecutionRequests())
        .containsExactly(
            call("call_m0x3d1qa", "get_weather", "{\"city\":\"Paris\"}"),
            call("call_7c2pw9ve", "get_weather", "{\"city\":\"Tokyo\"}"),
            call(
                "call_q5hb2n8s",
                "get_time",
                "{\"timezone\":\"Asia/Tokyo\",\"fields\":[\"hour\",\"minute\"],"
                    + "\"format\":{\"24h\":true}}"));
    assertThat(response.metadata().finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.metadata().tokenUsage()).isEqualTo(new TokenUsage(301, 97, 398));
    assertThat(body(server.takeRequest()).get("tools")).isEqualTo(JSON.readTree(Tools.WIRE));
  }

  @Test
  void toolResultsAndTheCallsTheyAnswerGoBackInTheHistory() throws Exception {
    server.enqueue(jsonTranscript("plain.json"));
    ChatModel model =
        OllamaClientChatModel.builder(client).modelName("qwen3:8b").sendThinking(true).build();
    AiMessage calls =
        AiMessage.builder()
            .thinking("Two cities, two calls.")
            .toolExecutionRequests(
                List.of(
                    call("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                    call(null, "get_weather", "{ \"city\" : \"Tokyo\" }")))
            .build();

    model.chat(
        UserMessage.from("Weather?"),
        calls,
        ToolExecutionResultMessage.from("call_1", "get_weather", "18 °C"),
        ToolExecutionResultMessage.from(null, "get_weather", "24 °C"));

    assertThat(body(server.takeRequest()).get("messages"))
        .isEqualTo(
            JSON.readTree(
                "[{\"role\":\"user\",\"content\":\"Weather?\"},"
                    + "{\"role\":\"assistant\",\"content\":\"\","
                    + "\"thinking\":\"Two cities, two calls.\",\"tool_calls\":["
                    + "{\"id\":\"call_1\",\"function\":{\"name\":\"get_weather\","
                    + "\"arguments\":{\"city\":\"Paris\"}}},"
                    + "{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Tokyo\"}}}]},"
                    + "{\"role\":\"tool\",\"content\":\"18 °C\",\"tool_name\":\"get_weather\"},"
                    + "{\"role\":\"tool\",\"content\":\"24 °C\",\"tool_name\":\"get_weather\"}]"));
  }

  @Test
  void thinkingIsRequestedAndReturnedOnlyWhenAskedFor() throws Exception {
    server.enqueue(jsonTranscript("thinking.json"));
    server.enqueue(jsonTranscript("thinking.json"));
    ModelProfile reasoning =
        ModelProfile.builder("reasoning").model("qwen3:0.6b").think(Think.ENABLED).build();
    ChatModel returning =
        OllamaClientChatModel.builder(client).profile(reasoning).returnThinking(true).build();
    ChatModel dropping = OllamaClientChatModel.builder(client).profile(reasoning).build();

    AiMessage withThinking = returning.chat(UserMessage.from("17×23?")).aiMessage();
    AiMessage withoutThinking = dropping.chat(UserMessage.from("17×23?")).aiMessage();

    assertThat(withThinking.thinking()).isEqualTo("Okay, the user asks about 17×23.");
    assertThat(withThinking.text()).isEqualTo("17 × 23 = 391.");
    assertThat(withoutThinking.thinking()).isNull();
    assertThat(withoutThinking.text()).isEqualTo("17 × 23 = 391.");
    assertThat(body(server.takeRequest()).get("think").asBoolean()).isTrue();
  }

  @Test
  void thinkingOfEarlierAnswersIsNotSentBackUnlessAskedFor() throws Exception {
    server.enqueue(jsonTranscript("plain.json"));
    ChatModel model = OllamaClientChatModel.builder(client).modelName("qwen3:8b").build();

    model.chat(
        UserMessage.from("a"),
        AiMessage.builder().text("b").thinking("private").build(),
        UserMessage.from("c"));

    assertThat(body(server.takeRequest()).get("messages").get(1))
        .isEqualTo(JSON.readTree("{\"role\":\"assistant\",\"content\":\"b\"}"));
  }

  @Test
  void aJsonSchemaResponseFormatIsSentAsFormat() throws Exception {
    server.enqueue(jsonTranscript("plain.json"));
    server.enqueue(jsonTranscript("plain.json"));
    ChatModel model = OllamaClientChatModel.builder(client).modelName("llama3.2:3b").build();

    model.chat(
        ChatRequest.builder()
            .messages(UserMessage.from("Ada, 36"))
            .responseFormat(Tools.PERSON_FORMAT)
            .build());
    model.chat(
        ChatRequest.builder()
            .messages(UserMessage.from("Ada, 36"))
            .responseFormat(dev.langchain4j.model.chat.request.ResponseFormat.JSON)
            .build());

    assertThat(body(server.takeRequest()).get("format"))
        .isEqualTo(JSON.readTree(Tools.PERSON_SCHEMA_WIRE));
    assertThat(body(server.takeRequest()).get("format").asText()).isEqualTo("json");
  }

  @Test
  void imagesGoAsBase64WithTheTextsJoined(@TempDir Path dir) throws Exception {
    server.enqueue(jsonTranscript("plain.json"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    Path file = Files.write(dir.resolve("cat.png"), png);
    String pngBase64 = Base64.getEncoder().encodeToString(png);
    ChatModel model = OllamaClientChatModel.builder(client).modelName("llava:7b").build();

    model.chat(
        UserMessage.from(
            TextContent.from("What is in"),
            ImageContent.from("iVBORw0KGgo=", "image/png"),
            TextContent.from("these pictures?"),
            ImageContent.from(file.toUri())));

    assertThat(body(server.takeRequest()).get("messages"))
        .isEqualTo(
            JSON.readTree(
                "[{\"role\":\"user\",\"content\":\"What is in\\nthese pictures?\","
                    + "\"images\":[\"iVBORw0KGgo=\",\""
                    + pngBase64
                    + "\"]}]"));
  }

  @Test
  void imageUrlsAndOtherMediaFailClearlyWithoutARequest() {
    ChatModel model = OllamaClientChatModel.builder(client).modelName("llava:7b").build();

    assertThatThrownBy(
            () -> model.chat(UserMessage.from(ImageContent.from("https://example.com/cat.png"))))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage(
            "Ollama needs images as data, not as the URL https://example.com/cat.png: fetch the"
                + " image and pass it with ImageContent.from(base64, mimeType)");
    assertThatThrownBy(() -> model.chat(UserMessage.from(AudioContent.from("AAAA", "audio/wav"))))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessage("Ollama supports text and images in user messages, not AUDIO");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void keepAliveAndThinkLevelComeFromTheProfileAndOnlyThen() throws Exception {
    server.enqueue(jsonTranscript("plain.json"));
    server.enqueue(jsonTranscript("plain.json"));
    ModelProfile profile =
        ModelProfile.builder("p")
            .model("gpt-oss:20b")
            .keepAlive(KeepAlive.of(Duration.ofMinutes(30)))
            .think(Think.HIGH)
            .build();

    OllamaClientChatModel.builder(client).profile(profile).build().chat("hi");
    OllamaClientChatModel.builder(client).modelName("gpt-oss:20b").build().chat("hi");

    JsonNode withProfile = body(server.takeRequest());
    assertThat(withProfile.get("keep_alive").asInt()).isEqualTo(1800);
    assertThat(withProfile.get("think").asText()).isEqualTo("high");
    JsonNode plain = body(server.takeRequest());
    assertThat(plain.has("keep_alive")).isFalse();
    assertThat(plain.has("think")).isFalse();
    assertThat(plain.has("options")).isFalse();
  }

  @Test
  void toolChoiceNoneOffersNoToolsAndRequiredFailsBeforeSending() throws Exception {
    server.enqueue(jsonTranscript("plain.json"));
    ChatModel model = OllamaClientChatModel.builder(client).modelName("qwen3:8b").build();

    model.chat(
        ChatRequest.builder()
            .messages(UserMessage.from("hi"))
            .toolSpecifications(Tools.WEATHER)
            .toolChoice(ToolChoice.NONE)
            .build());
    assertThat(body(server.takeRequest()).has("tools")).isFalse();

    assertThatThrownBy(
            () ->
                model.chat(
                    ChatRequest.builder()
                        .messages(UserMessage.from("hi"))
                        .toolSpecifications(Tools.WEATHER)
                        .toolChoice(ToolChoice.REQUIRED)
                        .build()))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageStartingWith("ToolChoice.REQUIRED is not supported by Ollama");
    assertThatThrownBy(
            () ->
                OllamaClientChatModel.builder(client)
                    .defaultRequestParameters(
                        ChatRequestParameters.builder().toolChoice(ToolChoice.REQUIRED).build()))
        .isInstanceOf(UnsupportedFeatureException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void errorsAreTheClientsTypedExceptions() {
    server.enqueue(modelNotFound("llama3.2:3b"));
    server.enqueue(
        json(400, "{\"error\":\"invalid format: expected \\\"json\\\" or a JSON schema\"}"));
    ChatModel model = OllamaClientChatModel.builder(client).modelName("llama3.2:3b").build();

    assertThatThrownBy(() -> model.chat("hi"))
        .isInstanceOfSatisfying(
            ModelNotFoundException.class,
            e -> assertThat(e).hasMessageContaining("ollama pull llama3.2:3b"));
    assertThatThrownBy(() -> model.chat("hi"))
        .isInstanceOf(OllamaBadRequestException.class)
        .hasMessageContaining("invalid format");
  }

  @Test
  void listenersHearRequestAndResponse() {
    server.enqueue(jsonTranscript("plain.json"));
    List<String> heard = new ArrayList<>();
    ChatModelListener listener =
        new ChatModelListener() {
          @Override
          public void onRequest(ChatModelRequestContext context) {
            heard.add("request " + context.chatRequest().parameters().modelName());
          }

          @Override
          public void onResponse(ChatModelResponseContext context) {
            heard.add("response " + context.chatResponse().metadata().finishReason());
          }
        };
    ChatModel model =
        OllamaModels.builder(client)
            .build()
            .chatModelBuilder("default")
            .listeners(List.of(listener))
            .supportedCapabilities(Set.of())
            .build();

    model.chat("hi");

    assertThat(heard).containsExactly("request llama3.2:3b", "response STOP");
    assertThat(model.supportedCapabilities()).isEmpty();
  }

  @Test
  void aBuilderWithoutModelOrProfileFails() {
    assertThatThrownBy(() -> OllamaClientChatModel.builder(client).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no model: call profile(...) or modelName(...)");
    assertThatThrownBy(() -> OllamaModels.builder(client).build().chatModel("nope"))
        .hasMessageContaining("known profiles");
    assertThat(ModelProfiles.defaults().names()).contains("default");
  }

  static ToolExecutionRequest call(String id, String name, String arguments) {
    return ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build();
  }

  private static void assertBody(RecordedRequest request, String expected) throws Exception {
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/chat");
    assertThat(body(request)).isEqualTo(JSON.readTree(expected));
  }

  /** Tool specifications and a response format shared by the adapter tests. */
  static final class Tools {
    static final ToolSpecification WEATHER =
        ToolSpecification.builder()
            .name("get_weather")
            .description("Current weather in a city")
            .parameters(
                dev.langchain4j.model.chat.request.json.JsonObjectSchema.builder()
                    .addStringProperty("city", "The city")
                    .addEnumProperty("unit", List.of("celsius", "fahrenheit"))
                    .required("city")
                    .build())
            .build();

    static final ToolSpecification TIME =
        ToolSpecification.builder().name("get_time").description("The time").build();

    static final String WIRE =
        "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Current weather in a city\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\",\"description\":\"The city\"},"
            + "\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]}},"
            + "\"required\":[\"city\"]}}},"
            + "{\"type\":\"function\",\"function\":{\"name\":\"get_time\","
            + "\"description\":\"The time\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]";

    static final dev.langchain4j.model.chat.request.ResponseFormat PERSON_FORMAT =
        dev.langchain4j.model.chat.request.ResponseFormat.builder()
            .type(dev.langchain4j.model.chat.request.ResponseFormatType.JSON)
            .jsonSchema(
                dev.langchain4j.model.chat.request.json.JsonSchema.builder()
                    .name("Person")
                    .rootElement(
                        dev.langchain4j.model.chat.request.json.JsonObjectSchema.builder()
                            .addStringProperty("name")
                            .addIntegerProperty("age")
                            .required("name", "age")
                            .build())
                    .build())
            .build();

    static final String PERSON_SCHEMA_WIRE =
        "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"age\":{\"type\":\"integer\"}},\"required\":[\"name\",\"age\"]}";

    private Tools() {}
  }
}
