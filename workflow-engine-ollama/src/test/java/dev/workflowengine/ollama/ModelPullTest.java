package dev.workflowengine.ollama;

import static dev.workflowengine.ollama.MockOllama.body;
import static dev.workflowengine.ollama.MockOllama.json;
import static dev.workflowengine.ollama.MockOllama.jsonTranscript;
import static dev.workflowengine.ollama.MockOllama.modelNotFound;
import static dev.workflowengine.ollama.MockOllama.streamTranscript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelPullTest extends OllamaServerTest {

  private final FakeOllama ollama = new FakeOllama();
  private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void answerLikeOllama() {
    server.setDispatcher(ollama);
  }

  @Test
  void neverTouchesTheRegistryAndAMissingModelFailsAtItsFirstRequest() {
    ChatModel model = models(PullStrategy.NEVER).chatModel("default");

    assertThat(model.chat("Why is the sky blue?")).startsWith("The sky is blue");
    assertThat(ollama.calls()).containsExactly("POST /api/chat llama3.2:3b");
  }

  @Test
  void neverStillLetsEnsureModelCheckThatTheServerHasIt() {
    OllamaModels models = models(PullStrategy.NEVER);

    assertThatThrownBy(() -> models.ensureModel("code"))
        .isInstanceOfSatisfying(
            ModelNotFoundException.class, e -> assertThat(e.model()).isEqualTo("qwen2.5-coder:7b"));
    assertThat(ollama.calls()).containsExactly("POST /api/show qwen2.5-coder:7b");
    assertThat(progress).isEmpty();
  }

  @Test
  void whenMissingLooksFirstAndPullsOnlyAMissingModelWithProgress() {
    ChatModel model = models(PullStrategy.WHEN_MISSING).chatModel("default");

    model.chat("one");
    model.chat("two");

    assertThat(ollama.calls())
        .containsExactly(
            "POST /api/show llama3.2:3b",
            "POST /api/pull llama3.2:3b",
            "POST /api/chat llama3.2:3b",
            "POST /api/chat llama3.2:3b");
    assertThat(progress)
        .containsExactly(
            "llama3.2:3b pulling manifest -/-",
            "llama3.2:3b pulling dde5aa3fc5ff -/2019377376",
            "llama3.2:3b pulling dde5aa3fc5ff 1009855360/2019377376",
            "llama3.2:3b pulling dde5aa3fc5ff 2019377376/2019377376",
            "llama3.2:3b verifying sha256 digest -/-",
            "llama3.2:3b writing manifest -/-",
            "llama3.2:3b success -/-");
  }

  @Test
  void whenMissingDoesNotPullAModelTheServerHas() {
    ollama.hasModels.set(true);
    ChatModel model = models(PullStrategy.WHEN_MISSING).chatModel("default");

    model.chat("one");
    model.chat("two");

    assertThat(ollama.calls())
        .containsExactly(
            "POST /api/show llama3.2:3b",
            "POST /api/chat llama3.2:3b",
            "POST /api/chat llama3.2:3b");
    assertThat(progress).isEmpty();
  }

  @Test
  void alwaysPullsOncePerModelWhetherUsedOrEnsured() {
    ollama.hasModels.set(true);
    OllamaModels models = models(PullStrategy.ALWAYS);

    models.chatModel("default").chat("one");
    models.ensureModel("default");
    models.streamingChatModelBuilder("default").build();
    models.chatModel("default").chat("two");
    models
        .embeddingModel("embedding")
        .embedAll(List.of(TextSegment.from("a"), TextSegment.from("b"), TextSegment.from("c")));

    assertThat(ollama.calls())
        .containsExactly(
            "POST /api/pull llama3.2:3b",
            "POST /api/chat llama3.2:3b",
            "POST /api/chat llama3.2:3b",
            "POST /api/pull nomic-embed-text",
            "POST /api/embed nomic-embed-text");
  }

  @Test
  void theModelARequestNamesIsTheOnePulled() {
    ChatModel model = models(PullStrategy.ALWAYS).chatModel("default");

    model.chat(
        ChatRequest.builder().messages(UserMessage.from("hi")).modelName("llama3.2:1b").build());

    assertThat(ollama.calls())
        .containsExactly("POST /api/pull llama3.2:1b", "POST /api/chat llama3.2:1b");
  }

  @Test
  void concurrentFirstUsesShareOnePull() throws Exception {
    int threads = 8;
    CountDownLatch allStarted = new CountDownLatch(threads);
    OllamaModels models =
        OllamaModels.builder(client)
            .pullStrategy(PullStrategy.WHEN_MISSING)
            .pullListener((model, line) -> await(allStarted))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(
            pool.submit(
                () -> {
                  allStarted.countDown();
                  return models.chatModel("default").chat("hi");
                }));
      }
      for (Future<String> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).startsWith("The sky");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(ollama.calls())
        .filteredOn(call -> !call.startsWith("POST /api/chat"))
        .containsExactly("POST /api/show llama3.2:3b", "POST /api/pull llama3.2:3b");
    assertThat(ollama.calls()).filteredOn(call -> call.startsWith("POST /api/chat")).hasSize(8);
  }

  @Test
  void aFailedPullIsNotRememberedSoTheNextUseTriesAgain() {
    ollama.failNextPull.set(true);
    ChatModel model = models(PullStrategy.ALWAYS).chatModel("default");

    assertThatThrownBy(() -> model.chat("one"))
        .isInstanceOf(OllamaStreamException.class)
        .hasMessageContaining("pull model manifest: file does not exist");
    assertThat(model.chat("two")).startsWith("The sky");

    assertThat(ollama.calls())
        .containsExactly(
            "POST /api/pull llama3.2:3b",
            "POST /api/pull llama3.2:3b",
            "POST /api/chat llama3.2:3b");
  }

  @Test
  void aProfilesFileChoosesTheStrategyUnlessTheBuilderDoes() {
    ModelProfiles always =
        ModelProfiles.defaults().toBuilder().pullStrategy(PullStrategy.ALWAYS).build();
    ollama.hasModels.set(true);

    OllamaModels.builder(client).profiles(always).build().chatModel("default").chat("one");
    OllamaModels.builder(client)
        .profiles(always)
        .pullStrategy(PullStrategy.NEVER)
        .build()
        .chatModel("default")
        .chat("two");

    assertThat(ollama.calls())
        .containsExactly(
            "POST /api/pull llama3.2:3b",
            "POST /api/chat llama3.2:3b",
            "POST /api/chat llama3.2:3b");
  }

  @Test
  void anUnknownProfileFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> models(PullStrategy.ALWAYS).chatModel("fast"))
        .isInstanceOf(UnknownProfileException.class)
        .hasMessageContaining("known profiles: code, creative, default, embedding");
    assertThat(ollama.calls()).isEmpty();
  }

  @Test
  void theClientItselfHandsOutModelsByProfileWithItsPullStrategy() {
    ModelProfiles profiles =
        ModelProfiles.builder()
            .profile(ModelProfile.builder("default").model("qwen3:8b").build())
            .build();
    try (OllamaClient own =
        OllamaClient.builder()
            .baseUrl(server.url("/").toString())
            .profiles(profiles)
            .pullStrategy(PullStrategy.WHEN_MISSING)
            .pullListener((model, line) -> progress.add(line.status()))
            .build()) {

      assertThat(own.chatModel("default").chat("one")).startsWith("The sky is blue");
      own.embeddingModel("default");
      assertThatThrownBy(() -> own.streamingChatModel("code"))
          .isInstanceOf(UnknownProfileException.class)
          .hasMessageContaining("default");
      assertThat(own.models().profiles()).isSameAs(profiles);
    }

    assertThat(ollama.calls())
        .containsExactly(
            "POST /api/show qwen3:8b", "POST /api/pull qwen3:8b", "POST /api/chat qwen3:8b");
    assertThat(progress).contains("success");
  }

  private OllamaModels models(PullStrategy strategy) {
    return OllamaModels.builder(client)
        .pullStrategy(strategy)
        .pullListener(
            (model, line) ->
                progress.add(
                    model
                        + " "
                        + line.status()
                        + " "
                        + text(line.completed())
                        + "/"
                        + text(line.total())))
        .build();
  }

  private static String text(OptionalLong value) {
    return value.isPresent() ? Long.toString(value.getAsLong()) : "-";
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Answers like an Ollama server that lacks every model until told otherwise. */
  private static final class FakeOllama extends Dispatcher {
    final AtomicBoolean hasModels = new AtomicBoolean();
    final AtomicBoolean failNextPull = new AtomicBoolean();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    List<String> calls() {
      synchronized (calls) {
        return List.copyOf(calls);
      }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      String model = body(request).path("model").asText();
      calls.add(request.getMethod() + " " + path + " " + model);
      return switch (path) {
        case "/api/show" -> hasModels.get() ? jsonTranscript("show.json") : modelNotFound(model);
        case "/api/pull" ->
            streamTranscript(failNextPull.getAndSet(false) ? "pull-error.ndjson" : "pull.ndjson");
        case "/api/chat" -> jsonTranscript("plain.json");
        case "/api/embed" -> jsonTranscript("embed.json");
        default -> json(404, "{\"error\":\"unexpected " + path + "\"}");
      };
    }
  }
}
