package dev.workflowengine.core.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.core.RunOptions;
import dev.workflowengine.core.RunPosition;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The expert group end to end on rule-following fake models. */
class ExpertGroupTest {

  private static final String TOPIC = "Storing patient records for a clinic";

  /**
   * A manager that answers its decisions from a script, in order (re-asks included), and the
   * summary request with a fixed text; experts added without a model speak through it too.
   */
  private static RuleChatModel manager(String... decisions) {
    AtomicInteger next = new AtomicInteger();
    return new RuleChatModel(
        request -> {
          String prompt = RuleChatModel.lastUserText(request);
          if (prompt.contains("Write the final summary")) {
            return "  The group agrees: encrypt at rest.  ";
          }
          if (!RuleChatModel.systemText(request).isEmpty()) { // a shared-model expert's turn
            return "As " + RuleChatModel.systemText(request).lines().findFirst().orElseThrow();
          }
          int i = next.getAndIncrement();
          if (i >= decisions.length) {
            throw new AssertionError("the manager was asked more often than scripted: " + prompt);
          }
          return decisions[i];
        });
  }

  /** An expert model that answers with its name and the number of its turn. */
  private static RuleChatModel expertModel(String name) {
    AtomicInteger turn = new AtomicInteger();
    return new RuleChatModel(request -> name + " speaking, turn " + turn.incrementAndGet());
  }

  private static List<String> speakers(RunResult result) {
    return result.state().getList(ExpertGroup.TRANSCRIPT, Turn.class).stream()
        .map(Turn::speaker)
        .toList();
  }

  private static List<ManagerDecision> decisions(RunResult result) {
    return result.state().getList(ExpertGroup.DECISIONS, ManagerDecision.class);
  }

  @Test
  void stopsWhenTheManagerConcludesAndSummarisesTheDiscussion() {
    RuleChatModel manager =
        manager(
            "{\"next\": \"security\", \"reason\": \"patient data is sensitive\"}",
            "{\"next\": \"data\", \"reason\": \"the schema matters\"}",
            "{\"next\": \"CONCLUDE\", \"reason\": \"covered\"}");
    Workflow panel = ExpertGroup.builder().manager(manager).build();

    RunResult result = panel.invoke(Map.of(ExpertGroup.TOPIC, TOPIC));

    assertThat(speakers(result)).containsExactly("security", "data");
    assertThat(result.state().getList(ExpertGroup.TRANSCRIPT, Turn.class))
        .extracting(Turn::text)
        .containsExactly(
            "As You are a cybersecurity expert with expertise in:",
            "As You are a data engineer and analyst with expertise in:");
    assertThat(result.state().getString(ExpertGroup.ENDED_BY))
        .isEqualTo(ExpertGroup.ENDED_BY_MANAGER);
    assertThat(result.state().getString(ExpertGroup.SUMMARY))
        .isEqualTo("The group agrees: encrypt at rest.");
    assertThat(result.state().getInt(ExpertGroup.ROUNDS)).isEqualTo(2);
    assertThat(decisions(result))
        .containsExactly(
            ManagerDecision.speak("security", "patient data is sensitive"),
            ManagerDecision.speak("data", "the schema matters"),
            ManagerDecision.concluded("covered"));
    assertThat(result.path())
        .containsExactly(
            "manager", "expert.security", "manager", "expert.data", "manager", "summary");

    // 3 decisions, 2 expert turns through the manager's model, 1 summary.
    assertThat(manager.requests).hasSize(6);
    String firstAsk = manager.userTexts().get(0);
    assertThat(firstAsk)
        .contains("Topic: " + TOPIC)
        .contains("- backend: You are a senior backend developer")
        .contains("- frontend:", "- security:", "- data:")
        .contains("(nobody has spoken yet)")
        .contains("round 1 of at most 8");
    assertThat(manager.requests.get(0).responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
    String summaryAsk = manager.userTexts().get(5);
    assertThat(summaryAsk)
        .contains("[security] As You are a cybersecurity expert")
        .contains("[data] As You are a data engineer")
        .contains("The manager concluded the discussion.");
  }

  @Test
  void stopsAtTheRoundCapWithoutAskingTheManagerAgain() {
    RuleChatModel manager =
        manager(
            "{\"next\": \"backend\", \"reason\": \"r1\"}",
            "{\"next\": \"backend\", \"reason\": \"r2\"}",
            "{\"next\": \"backend\", \"reason\": \"r3\"}");
    RuleChatModel backend = expertModel("backend");
    ExpertGroupBuilder builder =
        ExpertGroup.builder().manager(manager).expert("backend", backend, "You build APIs.");
    Workflow panel = builder.maxRounds(3).build();
    builder.maxRounds(5); // a reused builder leaves the built workflow alone

    RunResult result = panel.invoke(Map.of(ExpertGroup.TOPIC, TOPIC));

    assertThat(speakers(result)).containsExactly("backend", "backend", "backend");
    assertThat(result.state().getString(ExpertGroup.ENDED_BY))
        .isEqualTo(ExpertGroup.ENDED_BY_ROUND_CAP);
    assertThat(decisions(result)).hasSize(3).noneMatch(ManagerDecision::conclude);
    assertThat(backend.requests).hasSize(3);
    assertThat(manager.requests).hasSize(4); // 3 decisions and the summary, no fourth ask
    assertThat(manager.userTexts().get(2)).contains("round 3 of at most 3");
    assertThat(manager.userTexts().get(3))
        .contains("The discussion reached its maximum number of rounds.")
        .contains("[backend] backend speaking, turn 3");
    assertThat(result.path()).endsWith("expert.backend", "summary");
  }

  @Test
  void speakerOrderFollowsTheManagersChoicesInWhateverShapeTheyCome() {
    RuleChatModel manager =
        manager(
            "```json\n{\"next\": \"frontend\", \"reason\": \"start with the users\"}\n```",
            "Next: Security Expert",
            "{\"Next_Speaker\": \"FRONTEND\", \"Reason\": \"follow up\"}",
            "data",
            "{\"conclude\": true, \"reason\": \"enough\"}");
    RuleChatModel frontend = expertModel("frontend");
    RuleChatModel security = expertModel("security");
    RuleChatModel data = expertModel("data");
    Workflow panel =
        ExpertGroup.builder()
            .manager(manager)
            .expert("frontend", frontend, "You design screens.")
            .expert("security", security, "You stop attackers.")
            .expert("data", data, "You model data.")
            .build();

    RunResult result = panel.invoke(Map.of(ExpertGroup.TOPIC, TOPIC));

    assertThat(speakers(result)).containsExactly("frontend", "security", "frontend", "data");
    assertThat(result.state().getList(ExpertGroup.TRANSCRIPT, Turn.class))
        .extracting(Turn::text)
        .containsExactly(
            "frontend speaking, turn 1",
            "security speaking, turn 1",
            "frontend speaking, turn 2",
            "data speaking, turn 1");
    assertThat(frontend.requests).hasSize(2);
    assertThat(security.requests).hasSize(1);
    assertThat(data.requests).hasSize(1);
    // Each expert gets its persona as the system message and sees the discussion so far.
    ChatRequest secondFrontendTurn = frontend.requests.get(1);
    assertThat(RuleChatModel.systemText(secondFrontendTurn)).isEqualTo("You design screens.");
    assertThat(RuleChatModel.lastUserText(secondFrontendTurn))
        .contains("Discussion topic: " + TOPIC)
        .contains("[frontend] frontend speaking, turn 1")
        .contains("[security] security speaking, turn 1")
        .contains("the frontend expert, to speak next: follow up");
    assertThat(RuleChatModel.lastUserText(data.requests.get(0)))
        .contains("the data expert, to speak next: (no reason given)");
    assertThat(result.state().getString(ExpertGroup.ENDED_BY))
        .isEqualTo(ExpertGroup.ENDED_BY_MANAGER);
    assertThat(manager.requests).hasSize(6);
  }

  @Test
  void anUnknownExpertIsSentBackOnceWithTheValidNames() {
    RuleChatModel manager =
        manager(
            "{\"next\": \"legal\", \"reason\": \"compliance\"}",
            "{\"next\": \"security\", \"reason\": \"compliance is security's\"}",
            "{\"next\": \"CONCLUDE\", \"reason\": \"done\"}");
    Workflow panel = ExpertGroup.builder().manager(manager).build();

    RunResult result = panel.invoke(Map.of(ExpertGroup.TOPIC, TOPIC));

    assertThat(speakers(result)).containsExactly("security");
    assertThat(decisions(result).get(0))
        .isEqualTo(ManagerDecision.speak("security", "compliance is security's"));
    ChatRequest reask = manager.requests.get(1);
    assertThat(reask.messages()).hasSize(3);
    assertThat(reask.messages().get(1))
        .isEqualTo(AiMessage.from("{\"next\": \"legal\", \"reason\": \"compliance\"}"));
    assertThat(RuleChatModel.lastUserText(reask))
        .startsWith("'legal' is not one of the experts. Choose exactly one of ")
        .contains("backend, frontend, security, data, or CONCLUDE");
  }

  @Test
  void aManagerThatNamesNoExpertTwiceGetsTheQuietestExpertByRule() {
    RuleChatModel manager =
        manager(
            "{\"next\": \"frontend\", \"reason\": \"users first\"}",
            "{\"next\": \"legal\"}",
            "I think we should hear from the lawyers about this.",
            "{\"next\": \"legal\"}",
            "{\"next\": \"marketing\"}");
    Workflow panel = ExpertGroup.builder().manager(manager).maxRounds(3).build();

    RunResult result = panel.invoke(Map.of(ExpertGroup.TOPIC, TOPIC));

    // backend has not spoken and is declared first; then backend and frontend have, security not.
    assertThat(speakers(result)).containsExactly("frontend", "backend", "security");
    assertThat(decisions(result))
        .extracting(ManagerDecision::byRule)
        .containsExactly(false, true, true);
    assertThat(decisions(result).get(1).reason())
        .contains("'legal' is not one of the experts")
        .contains("the answer is neither JSON nor a \"next:\" line")
        .contains("the expert with the fewest turns speaks");
    assertThat(decisions(result).get(2).reason()).contains("'marketing' is not one of the experts");
    assertThat(result.state().getString(ExpertGroup.ENDED_BY))
        .isEqualTo(ExpertGroup.ENDED_BY_ROUND_CAP);
  }

  @Test
  void overriddenPromptsAreTheOnesSent() {
    RuleChatModel manager =
        manager("{\"next\": \"ops\", \"reason\": \"uptime\"}", "{\"next\": \"CONCLUDE\"}");
    RuleChatModel ops = expertModel("ops");
    Workflow panel =
        ExpertGroup.builder()
            .workflowId("ops-panel")
            .manager(manager)
            .expert("ops", ops, "You run servers.")
            .managerPrompt("Topic {{topic}}; team {{experts}}; so far {{transcript}}. Who next?")
            .expertPrompt("{{expert}}, on {{ topic }}: {{reason}}")
            .summaryPrompt("Sum up {{topic}}: {{transcript}} -- Write the final summary")
            .build();

    RunResult result = panel.invoke(Map.of(ExpertGroup.TOPIC, "backups"));

    assertThat(panel.id()).isEqualTo("ops-panel");
    assertThat(manager.userTexts().get(0))
        .isEqualTo(
            "Topic backups; team - ops: You run servers.; so far (nobody has spoken yet). Who next?");
    assertThat(ops.userTexts()).containsExactly("ops, on backups: uptime");
    assertThat(manager.userTexts().get(2))
        .isEqualTo("Sum up backups: [ops] ops speaking, turn 1 -- Write the final summary");
    assertThat(result.state().getString(ExpertGroup.SUMMARY)).isNotBlank();
  }

  @Test
  void theBuilderRefusesBadSettingsAtOnce() {
    ExpertGroupBuilder builder = ExpertGroup.builder();
    assertThatThrownBy(() -> builder.managerPrompt("Who next? {{topik}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown placeholders [topik]")
        .hasMessageContaining("[experts, max_rounds, round, topic, transcript]");
    assertThatThrownBy(() -> builder.expertPrompt(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expertPrompt must not be blank");
    assertThatThrownBy(() -> builder.maxRounds(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.expert("2fast", "persona"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with a letter");
    assertThatThrownBy(() -> builder.expert("conclude", "persona"))
        .isInstanceOf(IllegalArgumentException.class);
    builder.expert("security", "You stop attackers.");
    assertThatThrownBy(() -> builder.expert("Security_Expert", "You also stop attackers."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taken by 'security'");
    assertThatThrownBy(() -> builder.expert("data", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("manager(model)");
  }

  @Test
  void aRunRestoredFromItsCheckpointsReadsTheTranscriptBackAndFinishes() {
    RuleChatModel manager =
        manager(
            "{\"next\": \"security\", \"reason\": \"threats\"}",
            "{\"next\": \"data\", \"reason\": \"schema\"}",
            "{\"next\": \"CONCLUDE\", \"reason\": \"done\"}");
    Workflow panel = ExpertGroup.builder().manager(manager).build();
    InMemoryCheckpointStore store = new InMemoryCheckpointStore();

    // manager, expert.security, manager: then the process "stops".
    RunResult paused =
        panel.invoke(
            Map.of(ExpertGroup.TOPIC, TOPIC),
            RunOptions.builder().runId("run-1").checkpointStore(store).maxNodes(3).build());
    assertThat(paused.status()).isEqualTo(RunResult.Status.PAUSED);

    // Another process: the state comes back from JSON, turns and decisions as maps.
    RunPosition position = panel.restore("run-1", store).orElseThrow();
    assertThat((List<?>) position.state().get(ExpertGroup.TRANSCRIPT))
        .singleElement()
        .isInstanceOf(Map.class);
    RunResult result =
        panel.resume(
            position, Map.of(), RunOptions.builder().runId("run-1").checkpointStore(store).build());

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(speakers(result)).containsExactly("security", "data");
    assertThat(decisions(result))
        .extracting(ManagerDecision::reason)
        .containsExactly("threats", "schema", "done");
    assertThat(manager.userTexts().get(3)).contains("the data expert, to speak next: schema");
    assertThat(result.state().getString(ExpertGroup.ENDED_BY))
        .isEqualTo(ExpertGroup.ENDED_BY_MANAGER);
  }

  @Test
  void theTopicIsRequired() {
    Workflow panel = ExpertGroup.builder().manager(manager()).build();

    assertThatThrownBy(() -> panel.invoke(Map.of()))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("input.topic");
  }
}
