package dev.workflowengine.ollama.langchain4j;

import static dev.workflowengine.ollama.MockOllama.body;
import static dev.workflowengine.ollama.MockOllama.jsonTranscript;
import static dev.workflowengine.ollama.MockOllama.streamLines;
import static dev.workflowengine.ollama.MockOllama.streamTranscript;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.workflowengine.ollama.OllamaServerTest;
import dev.workflowengine.ollama.Options;
import dev.workflowengine.ollama.Think;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the same Ollama transcripts through langchain4j-ollama ({@code OllamaChatModel}, {@code
 * OllamaStreamingChatModel}) and through these adapters, and asserts the same {@link
 * ChatResponse}s: text, thinking, tool calls, token usage, finish reason, model, and for streams
 * the same handler calls in the same order.
 *
 * <p>Intentional differences, each pinned by a test below: tool results carry Ollama's {@code
 * tool_name} (langchain4j-ollama leaves it out, so Ollama cannot tell parallel results apart); a
 * tool without parameters is sent with an empty object schema rather than none; an AI message
 * without text is sent with {@code "content": ""} (as Ollama itself writes such a message) rather
 * than without content; an empty stop list is not sent; streamed tool calls without an {@code
 * index} (Ollama before 0.12) stay separate calls, where langchain4j-ollama joins their arguments
 * into one broken call.
 */
class ConformanceTest extends OllamaServerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "plain, llama3.2:3b, STOP",
    "tool-call, qwen3:8b, TOOL_EXECUTION",
    "tool-calls, qwen3:8b, TOOL_EXECUTION",
    "thinking, qwen3:0.6b, STOP",
    "length, llama3.2:3b, LENGTH"
  })
  void blockingResponsesAreTheSame(String transcript, String model, FinishReason reason)
      throws Exception {
    server.enqueue(jsonTranscript(transcript + ".json"));
    server.enqueue(jsonTranscript(transcript + ".json"));

    ChatResponse theirs = theirChatModel(model).chat(request());
    ChatResponse mine = myChatModel(model).chat(request());

    assertSame(mine, theirs);
    assertThat(mine.metadata().finishReason()).isEqualTo(reason);
    assertThat(mine.metadata().tokenUsage().totalTokenCount()).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "plain, llama3.2:3b, STOP",
    "tool-call, qwen3:8b, TOOL_EXECUTION",
    "tool-calls, qwen3:8b, TOOL_EXECUTION",
    "thinking, qwen3:0.6b, STOP",
    "length, llama3.2:3b, LENGTH"
  })
  void streamedResponsesAndHandlerCallsAreTheSame(
      String transcript, String model, FinishReason reason) throws Exception {
    server.enqueue(streamTranscript(transcript + ".ndjson"));
    server.enqueue(streamTranscript(transcript + ".ndjson"));
    RecordingHandler theirHandler = new RecordingHandler();
    RecordingHandler myHandler = new RecordingHandler();

    theirStreamingModel(model).chat(request(), theirHandler);
    ChatResponse theirs = theirHandler.response();
    myStreamingModel(model).chat(request(), myHandler);
    ChatResponse mine = myHandler.response();

    assertSame(mine, theirs);
    assertThat(myHandler.events()).isEqualTo(theirHandler.events());
    assertThat(mine.metadata().finishReason()).isEqualTo(reason);
  }

  @Test
  void requestsAreTheSameButForTheDocumentedDifferences() throws Exception {
    server.enqueue(jsonTranscript("plain.json"));
    server.enqueue(jsonTranscript("plain.json"));

    theirChatModel("qwen3:8b").chat(request());
    myChatModel("qwen3:8b").chat(request());
    ObjectNode theirs = (ObjectNode) body(server.takeRequest());
    ObjectNode mine = (ObjectNode) body(server.takeRequest());

    // Documented: an empty stop list is not sent.
    assertThat(((ObjectNode) theirs.get("options")).remove("stop")).isEmpty();
    // Documented: tool results name their tool.
    assertThat(((ObjectNode) mine.get("messages").get(3)).remove("tool_name").asText())
        .isEqualTo("get_weather");
    // Documented: an AI message without text has an empty content, as Ollama writes it itself.
    assertThat(((ObjectNode) mine.get("messages").get(2)).remove("content").asText()).isEmpty();
    // Documented: a tool without parameters gets an empty object schema.
    JsonNode emptySchema =
        ((ObjectNode) mine.get("tools").get(1).get("function")).remove("parameters");
    assertThat(emptySchema.toString()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
    assertThat(mine).isEqualTo(theirs);
  }

  @Test
  void streamedToolCallsWithoutIndexStaySeparateWhereLangchain4jOllamaJoinsThem() throws Exception {
    List<String> lines =
        List.of(
            "{\"model\":\"qwen3:8b\",\"created_at\":\"2025-06-01T10:00:00.1Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":"
                + "\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}]},\"done\":false}\n",
            "{\"model\":\"qwen3:8b\",\"created_at\":\"2025-06-01T10:00:00.2Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":"
                + "\"get_weather\",\"arguments\":{\"city\":\"Tokyo\"}}}]},\"done\":false}\n",
            "{\"model\":\"qwen3:8b\",\"created_at\":\"2025-06-01T10:00:00.3Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,"
                + "\"total_duration\":1,\"load_duration\":1,\"prompt_eval_count\":50,"
                + "\"prompt_eval_duration\":1,\"eval_count\":20,\"eval_duration\":1}\n");
    server.enqueue(streamLines(lines));
    server.enqueue(streamLines(lines));
    RecordingHandler theirHandler = new RecordingHandler();
    RecordingHandler myHandler = new RecordingHandler();

    theirStreamingModel("qwen3:8b").chat(request(), theirHandler);
    myStreamingModel("qwen3:8b").chat(request(), myHandler);

    assertThat(theirHandler.response().aiMessage().toolExecutionRequests())
        .extracting(ToolExecutionRequest::arguments)
        .containsExactly("{\"city\":\"Paris\"}{\"city\":\"Tokyo\"}");
    assertThat(myHandler.response().aiMessage().toolExecutionRequests())
        .extracting(ToolExecutionRequest::arguments)
        .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Tokyo\"}");
  }

  private static void assertSame(ChatResponse mine, ChatResponse theirs) {
    assertThat(mine.aiMessage().text()).isEqualTo(theirs.aiMessage().text());
    assertThat(mine.aiMessage().thinking()).isEqualTo(theirs.aiMessage().thinking());
    assertThat(mine.aiMessage().toolExecutionRequests())
        .isEqualTo(theirs.aiMessage().toolExecutionRequests());
    assertThat(mine.metadata().tokenUsage()).isEqualTo(theirs.metadata().tokenUsage());
    assertThat(mine.metadata().finishReason()).isEqualTo(theirs.metadata().finishReason());
    assertThat(mine.metadata().modelName()).isEqualTo(theirs.metadata().modelName());
    assertThat(mine.aiMessage()).isEqualTo(theirs.aiMessage());
  }

  /** A request using everything both map: history with a tool round, tools, options. */
  private static ChatRequest request() {
    return ChatRequest.builder()
        .messages(
            SystemMessage.from("You answer briefly."),
            UserMessage.from("What is the weather in Paris?"),
            AiMessage.from(
                ToolExecutionRequest.builder()
                    .id("call_0")
                    .name("get_weather")
                    .arguments("{\"city\":\"Paris\"}")
                    .build()),
            ToolExecutionResultMessage.from("call_0", "get_weather", "18 °C, cloudy"),
            UserMessage.from("And what does that mean for a walk?"))
        .toolSpecifications(ChatModelAdapterTest.Tools.WEATHER, ChatModelAdapterTest.Tools.TIME)
        .temperature(0.3)
        .maxOutputTokens(200)
        .build();
  }

  private ChatModel theirChatModel(String model) {
    return OllamaChatModel.builder()
        .baseUrl(server.url("/").toString())
        .modelName(model)
        .numCtx(4096)
        .think(true)
        .returnThinking(true)
        .maxRetries(0)
        .build();
  }

  private StreamingChatModel theirStreamingModel(String model) {
    return OllamaStreamingChatModel.builder()
        .baseUrl(server.url("/").toString())
        .modelName(model)
        .numCtx(4096)
        .think(true)
        .returnThinking(true)
        .build();
  }

  private ChatModel myChatModel(String model) {
    return OllamaClientChatModel.builder(client)
        .modelName(model)
        .options(Options.builder().numCtx(4096).build())
        .think(Think.ENABLED)
        .returnThinking(true)
        .build();
  }

  private StreamingChatModel myStreamingModel(String model) {
    return OllamaClientStreamingChatModel.builder(client)
        .modelName(model)
        .options(Options.builder().numCtx(4096).build())
        .think(Think.ENABLED)
        .returnThinking(true)
        .build();
  }
}
