package dev.workflowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.agent.Agent;
import dev.workflowengine.ollama.OllamaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent with a tool, on this SDK's Ollama client, over real HTTP: the model asks for the tool in
 * Ollama's wire format, the agent runs it, sends the result back as a {@code tool} message and gets
 * the answer.
 */
class AgentOverOllamaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> chats = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private OllamaClient ollama;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new ToolCallingOllama());
    server.start();
    ollama = OllamaClient.builder().baseUrl(server.url("/").toString()).build();
  }

  @AfterEach
  void stop() {
    ollama.close();
    server.close();
  }

  @Test
  void theAgentCallsItsToolThroughOllamaAndAnswersWithTheResult() {
    Agent assistant =
        Agent.builder("assistant")
            .model(ollama.chatModel("default"))
            .systemPrompt("You answer travel questions for {{traveller}}.")
            .tools(new WeatherTools())
            .outputKey("answer")
            .build();
    Workflow workflow =
        Workflow.builder("travel")
            .node("assistant", assistant)
            .start("assistant")
            .edge("assistant", Workflow.END)
            .build();

    RunResult result =
        workflow.invoke(Map.of("traveller", "Ada", "input", "What is the weather in Paris?"));

    assertThat(result.state().getString("answer")).isEqualTo("It is 18 °C and sunny in Paris.");
    assertThat(chats).hasSize(2);
    JsonNode first = chats.get(0);
    assertThat(first.path("model").asText()).isEqualTo("llama3.2:3b");
    assertThat(first.path("stream").asBoolean()).isFalse();
    assertThat(first.path("messages").get(0).path("content").asText())
        .isEqualTo("You answer travel questions for Ada.");
    assertThat(first.path("tools").get(0).path("function").path("name").asText())
        .isEqualTo("weather");
    assertThat(first.path("tools").get(0).path("function").path("parameters").toString())
        .contains("\"city\"");
    JsonNode toolResult = last(chats.get(1).path("messages"));
    assertThat(toolResult.path("role").asText()).isEqualTo("tool");
    assertThat(toolResult.path("tool_name").asText()).isEqualTo("weather");
    assertThat(toolResult.path("content").asText()).isEqualTo("18 °C, sunny in Paris");
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  /** The agent's one tool. */
  public static final class WeatherTools {
    /** Says what the weather is. */
    @Tool("The current weather in a city")
    public String weather(@P("the city") String city) {
      return "18 °C, sunny in " + city;
    }
  }

  /** Answers the first chat with a tool call and the second, which carries its result, in words. */
  private final class ToolCallingOllama extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (!request.getUrl().encodedPath().equals("/api/chat")) {
        return new MockResponse.Builder().code(404).body("404 page not found").build();
      }
      JsonNode body = parse(request.getBody().utf8());
      chats.add(body);
      String message =
          chats.size() == 1
              ? "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                  + "{\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}}]}"
              : "{\"role\":\"assistant\",\"content\":\"It is 18 °C and sunny in Paris.\"}";
      return new MockResponse.Builder()
          .addHeader("Content-Type", "application/json; charset=utf-8")
          .body(
              "{\"model\":\"llama3.2:3b\",\"created_at\":\"2025-05-04T17:40:02.123456Z\","
                  + "\"message\":"
                  + message
                  + ",\"done_reason\":\"stop\",\"done\":true,\"total_duration\":812345678,"
                  + "\"load_duration\":12345678,\"prompt_eval_count\":96,"
                  + "\"prompt_eval_duration\":130000000,\"eval_count\":18,"
                  + "\"eval_duration\":259000000}")
          .build();
    }

    private JsonNode parse(String body) {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
