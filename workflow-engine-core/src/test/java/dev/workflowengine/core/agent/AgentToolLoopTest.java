package dev.workflowengine.core.agent;

import static dev.workflowengine.core.agent.FakeModels.call;
import static dev.workflowengine.core.agent.FakeModels.calls;
import static dev.workflowengine.core.agent.FakeModels.text;
import static dev.workflowengine.core.agent.FakeModels.toolResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.workflowengine.api.WorkflowStateException;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.WorkflowState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentToolLoopTest {

  /** Tools as LangChain4j {@code @Tool} methods. */
  static final class Calculator {
    @Tool("Adds two integers")
    public int add(@P("first") int a, @P("second") int b) {
      return a + b;
    }
  }

  /** A void tool, a renamed parameter and a generic one. */
  static final class Notebook {
    final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Tool(name = "note", value = "Writes a note")
    public void write(@P(name = "text", value = "the note") String note) {
      notes.add(note);
    }

    @Tool("Sums numbers")
    public long sum(List<Integer> numbers) {
      return numbers.stream().mapToLong(Integer::longValue).sum();
    }
  }

  private static AgentTool tool(String name, AgentTool.Function function) {
    return AgentTool.of(
        ToolSpecification.builder()
            .name(name)
            .description(name)
            .parameters(JsonObjectSchema.builder().addStringProperty("q").build())
            .build(),
        function);
  }

  @Test
  void singleToolCallGoesBackToTheModelWhichThenAnswers() throws Exception {
    var model =
        new FakeModels.Scripted(
            calls(call("c1", "add", "{\"a\": 2, \"b\": 3}")), text("2 + 3 = 5"));
    Agent agent =
        Agent.builder("math")
            .model(model)
            .systemPrompt("You help {{user}} with sums.")
            .prompt("What is {{x}} + {{y}}?")
            .tools(new Calculator())
            .build();

    Map<String, Object> update =
        agent.apply(WorkflowState.of(Map.of("user", "Ada", "x", 2, "y", 3)));

    assertThat(update).containsExactly(Map.entry("math", "2 + 3 = 5"));
    var first = model.request(0);
    assertThat(first.messages())
        .containsExactly(
            SystemMessage.from("You help Ada with sums."), UserMessage.from("What is 2 + 3?"));
    assertThat(first.toolSpecifications())
        .extracting(ToolSpecification::name)
        .containsExactly("add");
    assertThat(toolResults(model.request(1)))
        .extracting(ToolExecutionResultMessage::id, ToolExecutionResultMessage::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "5"));
  }

  @Test
  void callsOfOneTurnRunAtOnceAndTheirResultsKeepTheRequestOrder() throws Exception {
    // Both tools wait at a barrier for two parties: it opens only if they run at the same time.
    CyclicBarrier together = new CyclicBarrier(2);
    // "slow" also waits until "fast" has returned, so "fast" finishes first.
    CountDownLatch fastDone = new CountDownLatch(1);
    AgentTool slow =
        tool(
            "slow",
            arguments -> {
              together.await(10, TimeUnit.SECONDS);
              if (!fastDone.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("fast never finished");
              }
              return "slow result";
            });
    AgentTool fast =
        tool(
            "fast",
            arguments -> {
              together.await(10, TimeUnit.SECONDS);
              fastDone.countDown();
              return "fast result";
            });
    var model =
        new FakeModels.Scripted(
            calls(call("1", "slow", "{}"), call("2", "fast", "{}")), text("both done"));
    Agent agent = Agent.builder("parallel").model(model).tool(slow).tool(fast).build();

    Map<String, Object> update = agent.apply(WorkflowState.of(Map.of("input", "go")));

    assertThat(update).containsEntry("parallel", "both done");
    assertThat(toolResults(model.request(1)))
        .extracting(ToolExecutionResultMessage::text)
        .containsExactly("slow result", "fast result");
  }

  @Test
  void aToolThatThrowsBecomesAResultTheModelSeesAndRecoversFrom() throws Exception {
    AgentTool broken =
        tool(
            "disk",
            arguments -> {
              throw new IllegalStateException("disk full");
            });
    var model =
        new FakeModels.Scripted(
            calls(call("1", "disk", "{}"), call("2", "nowhere", "{}")),
            text("I could not save, the disk is full"));
    Agent agent = Agent.builder("saver").model(model).tool(broken).build();

    Map<String, Object> update = agent.apply(WorkflowState.of(Map.of("task", "save it")));

    assertThat(update).containsEntry("saver", "I could not save, the disk is full");
    assertThat(model.request(0).messages()).containsExactly(UserMessage.from("save it"));
    List<ToolExecutionResultMessage> results = toolResults(model.request(1));
    assertThat(results.get(0).text()).isEqualTo("Error: IllegalStateException: disk full");
    assertThat(results.get(1).text()).startsWith("Error: unknown tool 'nowhere'").contains("disk");
  }

  @Test
  void reachingTheCapOnToolRoundsIsATypedExceptionNamingTheAgentAndTheCap() {
    var model = FakeModels.Scripted.always(calls(call("1", "add", "{\"a\":1,\"b\":1}")));
    Agent agent =
        Agent.builder("looper").model(model).tools(new Calculator()).maxToolRounds(2).build();

    assertThatThrownBy(() -> agent.apply(WorkflowState.of(Map.of("input", "loop"))))
        .isInstanceOfSatisfying(
            ToolRoundsExceededException.class,
            e -> {
              assertThat(e.agentName()).isEqualTo("looper");
              assertThat(e.maxToolRounds()).isEqualTo(2);
              assertThat(e).hasMessageContaining("'looper'").hasMessageContaining("2 tool rounds");
            });
    // two rounds of tools, then the third request for tools stops the agent
    assertThat(model.requests).hasSize(3);
  }

  @Test
  void withoutPromptInputOrTaskTheAgentSaysWhatIsMissing() {
    Agent agent = Agent.builder("idle").model(new FakeModels.Scripted()).build();

    assertThatThrownBy(() -> agent.apply(WorkflowState.of(Map.of("other", 1))))
        .isInstanceOf(WorkflowStateException.class)
        .hasMessageContaining("agent 'idle' has no prompt")
        .hasMessageContaining("other");
  }

  @Test
  void theBuilderChecksEachSettingAtOnce() {
    assertThatThrownBy(() -> Agent.builder("a").maxToolRounds(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Agent.builder("a").memoryWindow(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Agent.builder("a").systemPrompt("{{unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unclosed");
    assertThatThrownBy(() -> Agent.builder("a").tools(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@Tool");
    assertThatThrownBy(() -> Agent.builder("a").tools(new Calculator(), new Calculator()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'add'");
    assertThatThrownBy(() -> Agent.builder("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a model");
  }

  @Test
  void toolMethodsGetTheirArgumentsConvertedAndVoidMethodsAnswerSuccess() throws Exception {
    Notebook notebook = new Notebook();
    var model =
        new FakeModels.Scripted(
            calls(
                call("1", "note", "{\"text\": \"buy milk\"}"),
                call("2", "sum", "{\"numbers\": [1, 2, 39]}")),
            text("noted"));
    Agent agent = Agent.builder("notes").model(model).tools(notebook).build();

    agent.apply(WorkflowState.of(Map.of("input", "note and add")));

    assertThat(notebook.notes).containsExactly("buy milk");
    assertThat(model.request(0).toolSpecifications())
        .extracting(ToolSpecification::name)
        .containsExactly("note", "sum");
    assertThat(toolResults(model.request(1)))
        .extracting(ToolExecutionResultMessage::text)
        .containsExactly("Success", "42");
  }

  @Test
  void aSingleValueWhereAToolTakesAListIsAOneElementList() throws Exception {
    Notebook notebook = new Notebook();
    var model = new FakeModels.Scripted(calls(call("1", "sum", "{\"numbers\": 42}")), text("done"));
    Agent agent = Agent.builder("notes").model(model).tools(notebook).build();

    agent.apply(WorkflowState.of(Map.of("input", "add")));

    assertThat(toolResults(model.request(1)))
        .extracting(ToolExecutionResultMessage::text)
        .containsExactly("42");
  }
}
