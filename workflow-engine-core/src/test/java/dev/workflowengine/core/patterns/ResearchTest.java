package dev.workflowengine.core.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Research end to end on a model that answers by rule and tools that record their calls. */
class ResearchTest {

  /**
   * Plans the given questions; for a question, first calls search (and, for the first question,
   * fetch in the same turn), then answers from the tool results; writes a report citing every
   * source number it was shown.
   */
  static final class RuleModel implements ChatModel {
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> plan;

    RuleModel(List<String> plan) {
      this.plan = plan;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(request);
      return ChatResponse.builder().aiMessage(answer(request)).build();
    }

    private AiMessage answer(ChatRequest request) {
      String task = EmailTriageTest.lastUserText(request);
      if (request.responseFormat() != null
          && request.responseFormat().type() == ResponseFormatType.JSON) {
        return AiMessage.from("{\"questions\": " + ResearchGatherer.json(plan) + "}");
      }
      if (task.startsWith("Write a report")) {
        Matcher cited = Pattern.compile("\\[(\\d+)]").matcher(task);
        StringBuilder report = new StringBuilder("Heat pumps work in the cold");
        while (cited.find()) {
          if (report.indexOf(cited.group()) < 0) {
            report.append(' ').append(cited.group());
          }
        }
        return AiMessage.from(report.append('.').toString());
      }
      String question = task.substring(task.indexOf("Answer this question: ") + 22);
      List<ToolExecutionResultMessage> results = toolResults(request);
      if (results.isEmpty()) {
        List<ToolExecutionRequest> calls = new ArrayList<>();
        calls.add(call("s", "search", "{\"query\": " + ResearchGatherer.json(question) + "}"));
        if (question.equals(plan.get(0))) {
          calls.add(call("f", "fetch", "{\"url\": \"https://example.org/cold\"}"));
        }
        return AiMessage.from(calls);
      }
      StringBuilder answer = new StringBuilder("About " + question + ":");
      results.forEach(r -> answer.append(' ').append(r.text()));
      return AiMessage.from(answer.toString());
    }

    List<ChatRequest> gatherRequests() {
      return requests.stream()
          .filter(r -> EmailTriageTest.lastUserText(r).startsWith("Research topic"))
          .toList();
    }
  }

  static ToolExecutionRequest call(String id, String name, String arguments) {
    return ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build();
  }

  static List<ToolExecutionResultMessage> toolResults(ChatRequest request) {
    List<ToolExecutionResultMessage> results = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      if (message instanceof ToolExecutionResultMessage result) {
        results.add(result);
      }
    }
    return results;
  }

  /** A search engine as a LangChain4j tool object. */
  static final class Search {
    final List<String> queries = new CopyOnWriteArrayList<>();

    @Tool("Searches the web")
    public String search(@P("query") String query) {
      queries.add(query);
      return "found: " + query.toLowerCase() + " (https://example.com/" + queries.size() + ")";
    }
  }

  static final AgentTool FETCH =
      AgentTool.of(
          ToolSpecification.builder()
              .name("fetch")
              .description("Fetches a page")
              .parameters(JsonObjectSchema.builder().addStringProperty("url").build())
              .build(),
          arguments -> {
            // ordered, so its JSON (in the answer and the source) is the same on every run
            Map<String, Object> page = new java.util.LinkedHashMap<>();
            page.put("url", arguments.get("url"));
            page.put("text", "COP stays above 2 at -15 C");
            return page;
          });

  static final List<String> QUESTIONS =
      List.of("How do heat pumps work?", "Do they work below zero?", "What do they cost?");

  @Test
  void eachPlannedQuestionIsGatheredWithToolsAndTheReportCitesTheSources() {
    RuleModel model = new RuleModel(QUESTIONS);
    Search search = new Search();
    Workflow research = Research.builder().model(model).tools(search, FETCH).build();

    RunResult done = research.invoke(Map.of("topic", "Heat pumps"));

    assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(done.path()).containsExactly("plan", "gather", "gather", "gather", "synthesise");
    assertThat(done.state().getList("questions", String.class)).isEqualTo(QUESTIONS);
    // each question reached its own gather step, in order, and the search tool
    assertThat(model.gatherRequests())
        .filteredOn(r -> toolResults(r).isEmpty())
        .extracting(EmailTriageTest::lastUserText)
        .containsExactly(
            "Research topic: Heat pumps\n\nAnswer this question: How do heat pumps work?",
            "Research topic: Heat pumps\n\nAnswer this question: Do they work below zero?",
            "Research topic: Heat pumps\n\nAnswer this question: What do they cost?");
    assertThat(search.queries).containsExactlyElementsOf(QUESTIONS);
    assertThat(model.gatherRequests().get(0).toolSpecifications())
        .extracting(ToolSpecification::name)
        .containsExactlyInAnyOrder("search", "fetch");

    // numbered across the run; within a question by tool name: fetch before search
    List<Research.Source> sources = done.state().getList("sources", Research.Source.class);
    assertThat(sources)
        .extracting(Research.Source::number, Research.Source::tool)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "fetch"),
            org.assertj.core.groups.Tuple.tuple(2, "search"),
            org.assertj.core.groups.Tuple.tuple(3, "search"),
            org.assertj.core.groups.Tuple.tuple(4, "search"));
    assertThat(sources.get(0).arguments()).isEqualTo(Map.of("url", "https://example.org/cold"));
    assertThat(sources.get(0).content()).contains("COP stays above 2");
    assertThat(sources.get(2).content())
        .isEqualTo("found: do they work below zero? (https://example.com/2)");
    List<Object> findings = done.state().getList("findings", Object.class);
    assertThat(findings).hasSize(3);
    assertThat(findings.get(0))
        .isEqualTo(
            Map.of(
                "question",
                "How do heat pumps work?",
                "answer",
                "About How do heat pumps work?: found: how do heat pumps work? (https://example.com/1)"
                    + " {\"url\":\"https://example.org/cold\",\"text\":\"COP stays above 2 at -15 C\"}",
                "sources",
                List.of(1, 2)));

    String report = done.state().getString("report");
    assertThat(report)
        .startsWith("Heat pumps work in the cold [1] [2] [3] [4].")
        .contains(
            "\n\nSources\n[1] fetch{\"url\":\"https://example.org/cold\"}: {\"url\":\"https://example.org/cold\",")
        .contains("[4] search{\"query\":\"What do they cost?\"}: found: what do they cost?");
    String synthesis = EmailTriageTest.lastUserText(model.requests.get(model.requests.size() - 1));
    assertThat(synthesis)
        .contains("Question 2: Do they work below zero?\nAnswer: About Do they work below zero?")
        .contains("Sources: [1], [2]")
        .contains("Sources: [3]");
  }

  @Test
  void theCapOnQuestionsDropsTheRest() {
    RuleModel model = new RuleModel(List.of("q1?", "q2?", "q3?", "q4?", "q5?", "q6?", "q7?"));
    Search search = new Search();
    Workflow research = Research.builder().model(model).tools(search).maxQuestions(2).build();

    RunResult done = research.invoke(Map.of("topic", "Anything"));

    assertThat(done.state().getList("questions", String.class)).containsExactly("q1?", "q2?");
    assertThat(done.path()).containsExactly("plan", "gather", "gather", "synthesise");
    assertThat(search.queries).containsExactly("q1?", "q2?");
    assertThat(EmailTriageTest.lastUserText(model.requests.get(0)))
        .contains("List at most 2 questions");
  }

  @Test
  void aToolThatFailsIsNoSourceAndOverriddenPromptsAreUsed() {
    AgentTool broken =
        AgentTool.of(
            ToolSpecification.builder()
                .name("search")
                .parameters(JsonObjectSchema.builder().addStringProperty("query").build())
                .build(),
            arguments -> {
              throw new IllegalStateException("search is down");
            });
    RuleModel model = new RuleModel(List.of("Why?"));
    Workflow research =
        Research.builder()
            .id("why")
            .model(model)
            .tools(broken)
            .gatherSystemPrompt("Researcher for {{team}}.")
            .build();

    RunResult done = research.invoke(Map.of("topic", "T", "team", "ops"));

    assertThat(research.id()).isEqualTo("why");
    assertThat(model.gatherRequests().get(0).messages().get(0).toString())
        .contains("Researcher for ops.");
    assertThat(done.state().getList("sources", Object.class)).isEmpty();
    assertThat(done.state().getString("report"))
        .endsWith("Sources\n(none: no tool returned anything)");
  }

  @Test
  void badConfigurationFailsAtOnceOrAtBuild() {
    RuleModel model = new RuleModel(QUESTIONS);
    assertThatThrownBy(() -> Research.builder().tools(new Search()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a model");
    assertThatThrownBy(() -> Research.builder().model(model).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one tool");
    assertThatThrownBy(() -> Research.builder().maxQuestions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from 1 to 20");
    assertThatThrownBy(() -> Research.builder().maxQuestions(21))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Research.builder().tools(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no public method annotated with @Tool");
    assertThatThrownBy(() -> Research.builder().tools(new Search(), new Search()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two research tools are named 'search'");
    assertThatThrownBy(() -> Research.builder().synthesisPrompt("{{ not a path }}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("synthesisPrompt");
  }
}
