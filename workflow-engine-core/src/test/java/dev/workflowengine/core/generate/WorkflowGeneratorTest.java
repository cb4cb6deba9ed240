package dev.workflowengine.core.generate;

import static dev.workflowengine.core.generate.GeneratorFixtures.NOW;
import static dev.workflowengine.core.generate.GeneratorFixtures.VALID;
import static dev.workflowengine.core.generate.GeneratorFixtures.catalog;
import static dev.workflowengine.core.generate.GeneratorFixtures.generator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.GenerationAttempt;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowGenerationException;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generate, check, send-back loop on scripted answers. */
class WorkflowGeneratorTest {

  private static final String PROMPT = "Look up a customer's tickets and say if they are busy";

  private final Catalog catalog = catalog(new ScriptedChatModel());

  @Test
  void aValidFirstAnswerIsAcceptedWithItsPromptModelTimeAndOneAttempt() {
    ScriptedChatModel model = new ScriptedChatModel(VALID);

    GeneratedWorkflow generated = generator(model, catalog).generate(PROMPT);

    assertThat(generated.definition()).isEqualTo(Workflows.parse(VALID));
    assertThat(generated.prompt()).isEqualTo(PROMPT);
    assertThat(generated.model()).isEqualTo("llama3.2");
    assertThat(generated.createdAt()).isEqualTo(NOW);
    assertThat(generated.attempts()).containsExactly(new GenerationAttempt(1, VALID, List.of()));
    assertThat(model.requests).hasSize(1);
    List<ChatMessage> messages = model.requests.get(0).messages();
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0)).isInstanceOf(SystemMessage.class);
    assertThat(messages.get(1)).isEqualTo(UserMessage.from(PROMPT));
  }

  @Test
  void codeFencesAndProseAroundTheJsonAreNotCountedAsMistakes() {
    String fenced = "Here is your workflow:\n```json\n" + VALID + "```\nEnjoy!";
    ScriptedChatModel model = new ScriptedChatModel(fenced);

    GeneratedWorkflow generated = generator(model, catalog).generate(PROMPT);

    assertThat(generated.definition()).isEqualTo(Workflows.parse(VALID));
    assertThat(generated.attempts())
        .singleElement()
        .extracting(GenerationAttempt::answer)
        .isEqualTo(fenced);
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "invalid JSON", "{\"id\": \"ticket-check\", \"nodes\": [", "$.nodes", "end-of-input"),
        Arguments.of(
            "an unknown tool",
            VALID.replace("ticket.lookup", "email.send"),
            "nodes[0].config.tool",
            "unknown tool 'email.send'"),
        Arguments.of(
            "a missing start node",
            VALID.replace("\"startNode\": \"lookup\",", ""),
            "startNode",
            "no start node"),
        Arguments.of(
            "a cycle with no exit",
            VALID.replace(
                "{\"from\": \"classify\", \"to\": \"__end__\"}",
                "{\"from\": \"classify\", \"to\": \"lookup\"}"),
            "nodes[0]",
            "node 'lookup' can never reach __end__: it is in a loop with no exit"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void anInvalidAnswerGoesBackWithItsProblemsAndTheNextAnswerIsAccepted(
      String mistake, String bad, String location, String fragment) {
    ScriptedChatModel model = new ScriptedChatModel(bad, VALID);

    GeneratedWorkflow generated = generator(model, catalog).generate(PROMPT);

    assertThat(generated.definition()).isEqualTo(Workflows.parse(VALID));
    assertThat(generated.attempts()).hasSize(2);
    GenerationAttempt first = generated.attempts().get(0);
    assertThat(first.answer()).isEqualTo(bad);
    assertThat(first.accepted()).isFalse();
    assertThat(first.problems())
        .as("problems of %s", mistake)
        .anySatisfy(
            p -> {
              assertThat(p.location()).contains(location);
              assertThat(p.message()).containsIgnoringCase(fragment);
            });
    assertThat(generated.attempts().get(1).accepted()).isTrue();

    // the second request continues the conversation: the bad answer, then its problems
    ChatRequest second = model.requests.get(1);
    List<ChatMessage> messages = second.messages();
    assertThat(messages).hasSize(4);
    assertThat(messages.subList(0, 2)).isEqualTo(model.requests.get(0).messages());
    assertThat(messages.get(2)).isEqualTo(AiMessage.from(bad));
    String repair = ((UserMessage) messages.get(3)).singleText();
    first.problems().forEach(p -> assertThat(repair).contains(p.location() + ": " + p.message()));
    assertThat(second.responseFormat()).isEqualTo(model.requests.get(0).responseFormat());
  }

  @Test
  void givingUpAfterTheLimitReportsEveryAttemptsAnswerAndProblems() {
    String unknownTool = VALID.replace("ticket.lookup", "email.send");
    String noStart = VALID.replace("\"startNode\": \"lookup\",", "");
    ScriptedChatModel model = new ScriptedChatModel("not json at all", unknownTool, noStart, VALID);
    WorkflowGenerator generator =
        WorkflowGenerator.builder(model, catalog).maxAttempts(3).modelName("tiny").build();

    WorkflowGenerationException e =
        catchThrowableOfType(WorkflowGenerationException.class, () -> generator.generate(PROMPT));

    assertThat(model.requests).hasSize(3);
    assertThat(e.attempts())
        .extracting(GenerationAttempt::number, GenerationAttempt::answer)
        .containsExactly(tuple(1, "not json at all"), tuple(2, unknownTool), tuple(3, noStart));
    assertThat(e.attempts()).allSatisfy(a -> assertThat(a.problems()).isNotEmpty());
    assertThat(e.problems())
        .containsExactlyElementsOf(
            e.attempts().stream().flatMap(a -> a.problems().stream()).toList());
    for (ValidationProblem problem : e.problems()) {
      assertThat(e.getMessage()).contains(problem.toString());
    }
    assertThat(e.getMessage()).contains("tiny", "3 attempt", "email.send", "startNode");
  }

  @Test
  void concurrentGenerationsKeepTheirConversationsApart() throws Exception {
    // answers the first request of a conversation wrongly, the second with this caller's own id
    List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            requests.add(request);
            String prompt = ((UserMessage) request.messages().get(1)).singleText();
            String answer =
                request.messages().size() == 2
                    ? "{broken " + prompt
                    : VALID.replace("ticket-check", prompt);
            return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
          }
        };
    WorkflowGenerator shared = WorkflowGenerator.builder(model, catalog).build();
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<GeneratedWorkflow>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        String prompt = "caller-" + i;
        results.add(pool.submit(() -> shared.generate(prompt)));
      }
      for (int i = 0; i < callers; i++) {
        GeneratedWorkflow generated = results.get(i).get(20, TimeUnit.SECONDS);
        assertThat(generated.definition().id()).isEqualTo("caller-" + i);
        assertThat(generated.attempts()).hasSize(2);
        assertThat(generated.attempts().get(0).answer()).isEqualTo("{broken caller-" + i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(requests).hasSize(callers * 2);
    for (ChatRequest request : requests.stream().filter(r -> r.messages().size() == 4).toList()) {
      String prompt = ((UserMessage) request.messages().get(1)).singleText();
      assertThat(request.messages().get(2)).isEqualTo(AiMessage.from("{broken " + prompt));
    }
  }

  @Test
  void anEmptyAnswerIsAProblemNotACrash() {
    ScriptedChatModel model = new ScriptedChatModel("  ", VALID);

    GeneratedWorkflow generated = generator(model, catalog).generate(PROMPT);

    assertThat(generated.attempts().get(0).problems())
        .extracting(ValidationProblem::message)
        .singleElement()
        .asString()
        .contains("empty");
  }

  @Test
  void theBuilderRefusesBadSettingsAtOnce() {
    ScriptedChatModel model = new ScriptedChatModel();
    assertThatThrownBy(() -> WorkflowGenerator.builder(null, catalog))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("model");
    assertThatThrownBy(() -> WorkflowGenerator.builder(model, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("catalog");
    assertThatThrownBy(() -> WorkflowGenerator.builder(model, catalog).maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> WorkflowGenerator.builder(model, catalog).modelName(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkflowGenerator(model, catalog).generate(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(model.requests).isEmpty();
  }

  @Test
  void theRecordedModelNameDefaultsToTheModelsOwn() {
    ScriptedChatModel model = new ScriptedChatModel(VALID);
    assertThat(new WorkflowGenerator(model, catalog).generate(PROMPT).model())
        .isEqualTo("ScriptedChatModel");
  }
}
