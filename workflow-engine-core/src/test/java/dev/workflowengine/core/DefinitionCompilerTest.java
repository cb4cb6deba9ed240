package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.WorkflowStateException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.AgentDefinition;
import dev.workflowengine.api.definition.EdgeDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.core.DefinitionTestDoubles.AgentCall;
import dev.workflowengine.core.DefinitionTestDoubles.FakeChatModel;
import dev.workflowengine.core.DefinitionTestDoubles.MailTool;
import dev.workflowengine.core.DefinitionTestDoubles.RecordingAgentFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each node type compiled from a definition and run against test doubles. */
class DefinitionCompilerTest {

  @Nested
  class Llm {

    @Test
    void promptAndSystemAreRenderedFromTheState() {
      FakeChatModel model = FakeChatModel.answering("A short summary.");
      Workflow workflow =
          single(
              NodeTypes.LLM,
              Map.of(
                  "prompt", "Summarise {{doc.title}}: {{doc.body}}",
                  "system", "You write for {{audience}}",
                  "output", "summary"),
              Catalog.builder().defaultModel(model).build());

      RunResult result =
          workflow.invoke(
              Map.of("doc", Map.of("title", "T", "body", "Long text"), "audience", "children"));

      assertThat(result.state().getString("summary")).isEqualTo("A short summary.");
      ChatRequest request = model.lastRequest();
      assertThat(request.messages()).hasSize(2);
      assertThat(((SystemMessage) request.messages().get(0)).text())
          .isEqualTo("You write for children");
      assertThat(((UserMessage) request.messages().get(1)).singleText())
          .isEqualTo("Summarise T: Long text");
      assertThat(request.responseFormat()).isNull();
    }

    @Test
    void withoutSystemOnlyTheUserMessageIsSent() {
      FakeChatModel model = FakeChatModel.answering("ok");
      Workflow workflow =
          single(
              NodeTypes.LLM, Map.of("prompt", "Hi"), Catalog.builder().defaultModel(model).build());

      workflow.invoke(Map.of());

      assertThat(model.lastRequest().messages()).singleElement().isInstanceOf(UserMessage.class);
    }

    @Test
    void modelIsChosenByNameAndDefaultsToTheDefaultModel() {
      FakeChatModel fallback = FakeChatModel.answering("from default");
      FakeChatModel big = FakeChatModel.answering("from big");
      Catalog catalog = Catalog.builder().defaultModel(fallback).model("big", big).build();
      WorkflowDefinition definition =
          WorkflowDefinition.builder("two-models")
              .startNode("a")
              .node(NodeDefinition.of("a", NodeTypes.LLM, Map.of("prompt", "one", "model", "big")))
              .node(NodeDefinition.of("b", NodeTypes.LLM, Map.of("prompt", "two")))
              .edge("a", "b")
              .edge("b", EdgeDefinition.END)
              .build();

      RunResult result = Workflows.compile(definition, catalog).invoke(Map.of());

      assertThat(result.state().getString("a")).isEqualTo("from big");
      assertThat(result.state().getString("b")).isEqualTo("from default");
      assertThat(big.requests).hasSize(1);
      assertThat(fallback.requests).hasSize(1);
    }

    @Test
    void outputKeyDefaultsToTheNodeId() {
      Workflow workflow =
          single(
              NodeTypes.LLM,
              Map.of("prompt", "Hi"),
              Catalog.builder().defaultModel(FakeChatModel.answering("hello")).build());

      assertThat(workflow.invoke(Map.of()).state().getString("node")).isEqualTo("hello");
    }

    @Test
    void schemaAsksForJsonAndTheAnswerIsParsedIntoAMap() throws Exception {
      FakeChatModel model = FakeChatModel.answering("{\"label\": \"bug\", \"score\": 3}");
      Map<String, Object> schema =
          Map.of(
              "type", "object",
              "properties",
                  Map.of("label", Map.of("type", "string"), "score", Map.of("type", "integer")),
              "required", List.of("label"));
      Workflow workflow =
          single(
              NodeTypes.LLM,
              Map.of("prompt", "Classify {{ticket}}", "schema", schema, "output", "verdict"),
              Catalog.builder().defaultModel(model).build());

      RunResult result = workflow.invoke(Map.of("ticket", "it crashes"));

      assertThat(result.state().getMap("verdict")).containsEntry("label", "bug");
      assertThat(result.state().getMap("verdict").get("score")).isIn(3, 3L);
      ChatRequest request = model.lastRequest();
      assertThat(request.responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
      assertThat(request.responseFormat().jsonSchema().name()).isEqualTo("node");
      JsonRawSchema raw = (JsonRawSchema) request.responseFormat().jsonSchema().rootElement();
      assertThat(Json.MAPPER.readValue(raw.schema(), Json.MAP_TYPE))
          .isEqualTo(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(schema), Json.MAP_TYPE));
    }

    @Test
    void nonJsonAnswerToASchemaFailsNamingTheNode() {
      Workflow workflow =
          single(
              NodeTypes.LLM,
              Map.of("prompt", "Classify", "schema", Map.of("type", "object")),
              Catalog.builder().defaultModel(FakeChatModel.answering("It is a bug.")).build());

      WorkflowExecutionException failure = runFailure(workflow, Map.of());

      assertThat(failure.nodeId()).contains("node");
      assertThat(failure.getMessage()).contains("'node'").contains("JSON").contains("It is a bug.");
    }

    @Test
    void jsonNullAnswerToASchemaFailsNamingTheNode() {
      // Regression: Map.of(output, null) threw a bare NullPointerException.
      Workflow workflow =
          single(
              NodeTypes.LLM,
              Map.of("prompt", "Classify", "schema", Map.of("type", "object")),
              Catalog.builder().defaultModel(FakeChatModel.answering(" null ")).build());

      WorkflowExecutionException failure = runFailure(workflow, Map.of());

      assertThat(failure.nodeId()).contains("node");
      assertThat(failure.getCause()).isNotInstanceOf(NullPointerException.class);
      assertThat(failure.getMessage()).contains("JSON").contains("got null");
    }

    @Test
    void missingTemplateKeyAtRunTimeFailsTheNodeBeforeTheModelIsCalled() {
      FakeChatModel model = FakeChatModel.answering("x");
      Workflow workflow =
          single(
              NodeTypes.LLM,
              Map.of("prompt", "Hi {{name}}"),
              Catalog.builder().defaultModel(model).build());

      WorkflowExecutionException failure = runFailure(workflow, Map.of());

      assertThat(failure.nodeId()).contains("node");
      assertThat(failure.getMessage()).contains("{{name}}");
      assertThat(model.requests).isEmpty();
    }

    @Test
    void unknownModelIsAProblemWithAHint() {
      Catalog catalog = Catalog.builder().model("fast", FakeChatModel.answering("x")).build();

      ValidationProblem problem =
          onlyProblem(
              singleDefinition(NodeTypes.LLM, Map.of("prompt", "Hi", "model", "fats")), catalog);

      assertThat(problem.location()).isEqualTo("nodes[0].config.model");
      assertThat(problem.message())
          .contains("unknown model 'fats'")
          .contains("did you mean 'fast'?");
    }

    @Test
    void missingDefaultModelIsAProblem() {
      ValidationProblem problem =
          onlyProblem(singleDefinition(NodeTypes.LLM, Map.of("prompt", "Hi")), Catalog.empty());

      assertThat(problem.location()).isEqualTo("nodes[0].config.model");
      assertThat(problem.message()).contains("unknown model 'default'");
    }
  }

  @Nested
  class Tool {

    @Test
    void templatedArgumentsAreRenderedAndTheResultWritten() {
      MailTool mail = new MailTool();
      Workflow workflow =
          single(
              NodeTypes.TOOL,
              Map.of(
                  "tool",
                  "mail.send",
                  "arguments",
                  Map.of("to", "{{customer.email}}", "subject", "Re: {{subject}}")),
              Catalog.builder().tool(mail.tool).build());

      RunResult result =
          workflow.invoke(Map.of("customer", Map.of("email", "a@b.c"), "subject", "Refund"));

      assertThat(mail.calls).containsExactly(Map.of("to", "a@b.c", "subject", "Re: Refund"));
      assertThat(result.state().getString("node")).isEqualTo("sent to a@b.c");
    }

    @Test
    void anArgumentThatIsExactlyOnePlaceholderPassesTheRawValue() {
      AtomicReference<Map<String, Object>> received = new AtomicReference<>();
      AgentTool sum =
          DefinitionTestDoubles.tool(
              "math.sum",
              List.of("values", "label"),
              arguments -> {
                received.set(arguments);
                return ((List<?>) arguments.get("values")).size();
              },
              "values");
      Workflow workflow =
          single(
              NodeTypes.TOOL,
              Map.of(
                  "tool", "math.sum",
                  "arguments", Map.of("values", "{{numbers}}", "label", "n={{numbers}}"),
                  "output", "total"),
              Catalog.builder().tool(sum).build());

      RunResult result = workflow.invoke(Map.of("numbers", List.of(1, 2, 3)));

      assertThat(received.get().get("values")).isEqualTo(List.of(1, 2, 3));
      assertThat(received.get().get("label")).isEqualTo("n=[1,2,3]");
      assertThat(result.state().getInt("total")).isEqualTo(3);
    }

    @Test
    void literalJsonArgumentsPassAsTheyAre() {
      AtomicReference<Map<String, Object>> received = new AtomicReference<>();
      AgentTool tool =
          DefinitionTestDoubles.tool(
              "search",
              List.of("limit", "flags", "filter", "query"),
              arguments -> {
                received.set(arguments);
                return "done";
              });
      Workflow workflow =
          single(
              NodeTypes.TOOL,
              Map.of(
                  "tool",
                  "search",
                  "arguments",
                  Map.of(
                      "limit",
                      3,
                      "flags",
                      List.of(true, false),
                      "filter",
                      Map.of("since", 2020),
                      "query",
                      "plain text")),
              Catalog.builder().tool(tool).build());

      workflow.invoke(Map.of());

      assertThat(received.get())
          .containsEntry("limit", 3L)
          .containsEntry("flags", List.of(true, false))
          .containsEntry("filter", Map.of("since", 2020L))
          .containsEntry("query", "plain text");
    }

    @Test
    void missingRequiredArgumentIsAProblem() {
      MailTool mail = new MailTool();

      ValidationProblem problem =
          onlyProblem(
              singleDefinition(
                  NodeTypes.TOOL, Map.of("tool", "mail.send", "arguments", Map.of("subject", "x"))),
              Catalog.builder().tool(mail.tool).build());

      assertThat(problem.location()).isEqualTo("nodes[0].config.arguments");
      assertThat(problem.message()).contains("requires argument 'to'");
    }

    @Test
    void unknownArgumentIsAProblemWithAHint() {
      MailTool mail = new MailTool();

      ValidationProblem problem =
          onlyProblem(
              singleDefinition(
                  NodeTypes.TOOL,
                  Map.of("tool", "mail.send", "arguments", ordered("to", "x", "subjct", "y"))),
              Catalog.builder().tool(mail.tool).build());

      assertThat(problem.location()).isEqualTo("nodes[0].config.arguments.subjct");
      assertThat(problem.message())
          .contains("has no argument 'subjct'")
          .contains("did you mean 'subject'?");
    }

    @Test
    void argumentsThatAreNotAnObjectAreOneProblem() {
      // Regression: the arguments setting was read twice and "must be an object" reported twice.
      MailTool mail = new MailTool();

      List<ValidationProblem> problems =
          Workflows.validate(
              singleDefinition(NodeTypes.TOOL, Map.of("tool", "mail.send", "arguments", "to=x")),
              Catalog.builder().tool(mail.tool).build());

      assertThat(problems)
          .filteredOn(p -> p.location().equals("nodes[0].config.arguments"))
          .extracting(ValidationProblem::message)
          .containsOnlyOnce("must be an object");
    }

    @Test
    void unknownToolIsAProblemWithAHint() {
      MailTool mail = new MailTool();

      ValidationProblem problem =
          onlyProblem(
              singleDefinition(NodeTypes.TOOL, Map.of("tool", "mail.sned", "arguments", Map.of())),
              Catalog.builder().tool(mail.tool).build());

      assertThat(problem.location()).isEqualTo("nodes[0].config.tool");
      assertThat(problem.message()).contains("did you mean 'mail.send'?");
    }

    @Test
    void toolExceptionFailsTheRunNamingTheNodeWithTheToolsExceptionAsCause() {
      IllegalStateException boom = new IllegalStateException("mail server down");
      AgentTool failing =
          DefinitionTestDoubles.tool(
              "mail.send",
              List.of("to"),
              arguments -> {
                throw boom;
              });
      Workflow workflow =
          single(
              NodeTypes.TOOL,
              Map.of("tool", "mail.send", "arguments", Map.of("to", "x")),
              Catalog.builder().tool(failing).build());

      WorkflowExecutionException failure = runFailure(workflow, Map.of());

      assertThat(failure.nodeId()).contains("node");
      assertThat(failure.getCause()).isSameAs(boom);
      assertThat(failure.getMessage()).contains("'node'").contains("mail server down");
    }

    @Test
    void checkedToolExceptionIsTheCauseToo() {
      Exception boom = new java.io.IOException("socket closed");
      AgentTool failing =
          DefinitionTestDoubles.tool(
              "net.get",
              List.of(),
              arguments -> {
                throw boom;
              });
      Workflow workflow =
          single(
              NodeTypes.TOOL, Map.of("tool", "net.get"), Catalog.builder().tool(failing).build());

      assertThat(runFailure(workflow, Map.of()).getCause()).isSameAs(boom);
    }

    @Test
    void toolReturningNullWritesNothing() {
      AgentTool quiet = DefinitionTestDoubles.tool("quiet", List.of(), arguments -> null);
      Workflow workflow =
          single(NodeTypes.TOOL, Map.of("tool", "quiet"), Catalog.builder().tool(quiet).build());

      assertThat(workflow.invoke(Map.of()).state().has("node")).isFalse();
    }
  }

  @Nested
  class Agent {

    @Test
    void declaredAgentIsBuiltByTheFactoryWithTheNodesPromptAndOutput() {
      RecordingAgentFactory factory = new RecordingAgentFactory();
      AgentDefinition writer =
          AgentDefinition.builder("writer")
              .model("default")
              .systemPrompt("You write.")
              .tools("mail.send")
              .capabilities("drafting")
              .build();
      MailTool mail = new MailTool();
      Catalog catalog =
          Catalog.builder()
              .defaultModel(FakeChatModel.answering("x"))
              .tool(mail.tool)
              .agentFactory(factory)
              .build();
      WorkflowDefinition definition =
          singleDefinition(
                  NodeTypes.AGENT,
                  Map.of("agent", "writer", "prompt", "Write about {{topic}}", "output", "draft"))
              .toBuilder()
              .agent(writer)
              .build();

      Workflow workflow = Workflows.compile(definition, catalog);
      RunResult result = workflow.invoke(Map.of("topic", "cats"));

      assertThat(factory.calls).hasSize(1);
      AgentCall call = factory.calls.get(0);
      assertThat(call.agent()).isEqualTo(writer);
      assertThat(call.node().nodeId()).isEqualTo("node");
      assertThat(call.node().outputKey()).isEqualTo("draft");
      assertThat(
              call.node().prompt().orElseThrow().apply(WorkflowState.of(Map.of("topic", "dogs"))))
          .isEqualTo("Write about dogs");
      assertThat(call.catalog()).isSameAs(catalog);
      assertThat(result.state().getString("draft")).isEqualTo("agent writer: Write about cats");
    }

    @Test
    void declaredAgentWithoutPromptOrOutputGetsNoPromptAndTheNodeIdAsOutput() {
      RecordingAgentFactory factory = new RecordingAgentFactory();
      WorkflowDefinition definition =
          singleDefinition(NodeTypes.AGENT, Map.of("agent", "writer")).toBuilder()
              .agent(AgentDefinition.builder("writer").build())
              .build();
      Catalog catalog =
          Catalog.builder()
              .defaultModel(FakeChatModel.answering("x"))
              .agentFactory(factory)
              .build();

      RunResult result = Workflows.compile(definition, catalog).invoke(Map.of());

      assertThat(factory.calls.get(0).node().prompt()).isEmpty();
      assertThat(factory.calls.get(0).node().outputKey()).isEqualTo("node");
      assertThat(result.state().getString("node")).isEqualTo("agent writer: ");
    }

    @Test
    void catalogAgentRunsAsItIs() {
      Catalog catalog =
          Catalog.builder()
              .agent("researcher", state -> Map.of("facts", "about " + state.getString("topic")))
              .build();
      Workflow workflow = single(NodeTypes.AGENT, Map.of("agent", "researcher"), catalog);

      assertThat(workflow.invoke(Map.of("topic", "owls")).state().getString("facts"))
          .isEqualTo("about owls");
    }

    @Test
    void declaredAgentTakesPrecedenceOverACatalogAgentOfTheSameName() {
      RecordingAgentFactory factory = new RecordingAgentFactory();
      Catalog catalog =
          Catalog.builder()
              .defaultModel(FakeChatModel.answering("x"))
              .agent("writer", state -> Map.of("node", "from catalog"))
              .agentFactory(factory)
              .build();
      WorkflowDefinition definition =
          singleDefinition(NodeTypes.AGENT, Map.of("agent", "writer")).toBuilder()
              .agent(AgentDefinition.builder("writer").build())
              .build();

      RunResult result = Workflows.compile(definition, catalog).invoke(Map.of());

      assertThat(result.state().getString("node")).startsWith("agent writer");
    }

    @Test
    void unknownAgentIsAProblemWithAHintFromDeclaredAndCatalogAgents() {
      Catalog catalog =
          Catalog.builder()
              .defaultModel(FakeChatModel.answering("x"))
              .agent("researcher", state -> Map.of())
              .agentFactory(new RecordingAgentFactory())
              .build();
      WorkflowDefinition definition =
          singleDefinition(NodeTypes.AGENT, Map.of("agent", "writter")).toBuilder()
              .agent(AgentDefinition.builder("writer").build())
              .build();

      ValidationProblem problem = onlyProblem(definition, catalog);

      assertThat(problem.location()).isEqualTo("nodes[0].config.agent");
      assertThat(problem.message())
          .contains("unknown agent 'writter'")
          .contains("did you mean 'writer'?")
          .contains("researcher");
    }

    @Test
    void declaredAgentsWithoutAFactoryAreBuiltByTheStandardFactory() {
      // Until the standard factory existed this was a problem at "agents" and at the node; a
      // catalog now always has a factory, so the agent compiles and answers through the model.
      WorkflowDefinition definition =
          singleDefinition(NodeTypes.AGENT, Map.of("agent", "writer", "prompt", "Write {{topic}}"))
              .toBuilder()
              .agent(AgentDefinition.builder("writer").build())
              .build();
      FakeChatModel model = FakeChatModel.answering("a poem");
      Catalog catalog = Catalog.builder().defaultModel(model).build();

      assertThat(Workflows.validate(definition, catalog)).isEmpty();
      RunResult result = Workflows.compile(definition, catalog).invoke(Map.of("topic", "rain"));

      assertThat(result.state().getString("node")).isEqualTo("a poem");
      assertThat(model.lastRequest().messages().toString()).contains("Write rain");
    }

    @Test
    void catalogAgentWithPromptOrOutputSettingsIsAProblemPerSetting() {
      Catalog catalog = Catalog.builder().agent("researcher", state -> Map.of()).build();

      List<ValidationProblem> problems =
          Workflows.validate(
              singleDefinition(
                  NodeTypes.AGENT,
                  Map.of("agent", "researcher", "prompt", "Find {{x}}", "output", "facts")),
              catalog);

      assertThat(problems)
          .extracting(ValidationProblem::location)
          .containsExactly("nodes[0].config.prompt", "nodes[0].config.output");
      assertThat(problems)
          .allSatisfy(p -> assertThat(p.message()).contains("comes from the catalog"));
    }

    @Test
    void unknownModelsAndToolsInAgentDeclarationsAreProblemsAtTheirPlace() {
      MailTool mail = new MailTool();
      Catalog catalog =
          Catalog.builder()
              .model("fast", FakeChatModel.answering("x"))
              .tool(mail.tool)
              .agentFactory(new RecordingAgentFactory())
              .build();
      WorkflowDefinition definition =
          singleDefinition(NodeTypes.AGENT, Map.of("agent", "writer")).toBuilder()
              .agent(
                  AgentDefinition.builder("writer")
                      .model("fats")
                      .tools("mail.send", "mail.sned")
                      .build())
              .agent(AgentDefinition.builder("writer").model("fast").build())
              .agent(AgentDefinition.builder("helper").build())
              .build();

      List<ValidationProblem> problems = Workflows.validate(definition, catalog);

      assertThat(problems)
          .extracting(ValidationProblem::location)
          .containsExactly(
              "agents[0].model", "agents[0].tools[1]", "agents[1].id", "agents[2].model");
      assertThat(problems.get(0).message()).contains("did you mean 'fast'?");
      assertThat(problems.get(1).message()).contains("did you mean 'mail.send'?");
      assertThat(problems.get(2).message()).contains("duplicate agent id 'writer'");
      assertThat(problems.get(3).message()).contains("unknown model 'default'");
    }

    @Test
    void factoryValidationProblemsAreReportedAtTheNode() {
      AgentFactory refusing =
          (agent, node, catalog) -> {
            throw new WorkflowValidationException(
                "agent '" + agent.id() + "'", "config.maxToolRounds", "must be positive");
          };
      WorkflowDefinition definition =
          singleDefinition(NodeTypes.AGENT, Map.of("agent", "writer")).toBuilder()
              .agent(AgentDefinition.builder("writer").config("maxToolRounds", -1).build())
              .build();
      Catalog catalog =
          Catalog.builder()
              .defaultModel(FakeChatModel.answering("x"))
              .agentFactory(refusing)
              .build();

      ValidationProblem problem = onlyProblem(definition, catalog);

      assertThat(problem.location())
          .startsWith("nodes[0].config.agent")
          .contains("config.maxToolRounds");
      assertThat(problem.message()).isEqualTo("must be positive");
    }
  }

  @Nested
  class Human {

    @Test
    void waitsWithTheRenderedPromptAndResumesWithTypedInput() {
      Workflow workflow =
          single(
              NodeTypes.HUMAN,
              Map.of(
                  "prompt",
                  "Send this reply to {{customer}}?",
                  "input",
                  ordered(
                      "approved",
                      "boolean",
                      "copies",
                      "integer",
                      "note",
                      "string",
                      "score",
                      "number",
                      "tags",
                      "array",
                      "extra",
                      "object")),
              Catalog.empty());

      RunResult waiting = workflow.invoke(Map.of("customer", "Ada"));

      assertThat(waiting.status()).isEqualTo(RunResult.Status.WAITING);
      RunResult.Waiting step = waiting.waiting().orElseThrow();
      assertThat(step.nodeId()).isEqualTo("node");
      assertThat(step.prompt()).isEqualTo("Send this reply to Ada?");
      assertThat(step.requiredInput())
          .containsEntry("approved", Boolean.class)
          .containsEntry("copies", Long.class)
          .containsEntry("note", String.class)
          .containsEntry("score", Double.class)
          .containsEntry("tags", List.class)
          .containsEntry("extra", Map.class);

      RunResult done =
          workflow.resume(
              waiting,
              Map.of(
                  "approved",
                  true,
                  "copies",
                  2,
                  "note",
                  "fine",
                  "score",
                  1,
                  "tags",
                  List.of("a"),
                  "extra",
                  Map.of("k", "v")));

      assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
      assertThat(done.state().getBoolean("approved")).isTrue();
      assertThat(done.state().get("copies", Object.class)).isEqualTo(2L);
      assertThat(done.state().getDouble("score")).isEqualTo(1.0);
      assertThat(done.path()).containsExactly("node");
    }

    @Test
    void promptReadingAMissingKeyFailsTheRunNamingTheHumanStep() {
      // Regression: the WorkflowStateException of the prompt escaped invoke without the node.
      Workflow workflow =
          single(NodeTypes.HUMAN, Map.of("prompt", "Approve {{draft}}?"), Catalog.empty());

      WorkflowExecutionException failure = runFailure(workflow, Map.of("other", 1));

      assertThat(failure.nodeId()).contains("node");
      assertThat(failure.getMessage()).contains("'node'").contains("{{draft}}");
      assertThat(failure.getCause()).isInstanceOf(WorkflowStateException.class);
    }

    @Test
    void resumeWithInputOfTheWrongTypeIsRefused() {
      Workflow workflow =
          single(NodeTypes.HUMAN, Map.of("input", Map.of("approved", "boolean")), Catalog.empty());
      RunResult waiting = workflow.invoke(Map.of());

      assertThatThrownBy(() -> workflow.resume(waiting, Map.of("approved", "yes")))
          .isInstanceOf(WorkflowValidationException.class)
          .hasMessageContaining("input.approved")
          .hasMessageContaining("Boolean");
      assertThatThrownBy(() -> workflow.resume(waiting, Map.of()))
          .isInstanceOf(WorkflowValidationException.class)
          .hasMessageContaining("is required");
    }

    @Test
    void withoutConfigItWaitsWithTheDefaultPromptAndTakesAnyInput() {
      Workflow workflow = single(NodeTypes.HUMAN, Map.of(), Catalog.empty());

      RunResult waiting = workflow.invoke(Map.of());
      RunResult done = workflow.resume(waiting, Map.of("comment", "looks good"));

      assertThat(waiting.waiting().orElseThrow().prompt()).isEqualTo("Please review and continue.");
      assertThat(done.state().getString("comment")).isEqualTo("looks good");
    }

    @Test
    void unknownInputTypeIsAProblemListingTheTypes() {
      ValidationProblem problem =
          onlyProblem(
              singleDefinition(NodeTypes.HUMAN, Map.of("input", Map.of("when", "date"))),
              Catalog.empty());

      assertThat(problem.location()).isEqualTo("nodes[0].config.input.when");
      assertThat(problem.message())
          .contains("unknown type 'date'")
          .contains("[array, boolean, integer, number, object, string]");
    }

    @Test
    void invalidPromptTemplateIsAProblem() {
      ValidationProblem problem =
          onlyProblem(
              singleDefinition(NodeTypes.HUMAN, Map.of("prompt", "Ok {{x")), Catalog.empty());

      assertThat(problem.location()).isEqualTo("nodes[0].config.prompt");
      assertThat(problem.message()).contains("unclosed");
    }
  }

  @Nested
  class Subworkflow {

    @Test
    void catalogChildRunsWithInputAndOutputMappings() {
      Catalog catalog = Catalog.builder().workflow(DefinitionTestDoubles.doublingChild()).build();
      Workflow workflow =
          single(
              NodeTypes.SUBWORKFLOW,
              Map.of(
                  "workflow",
                  "double",
                  "input",
                  Map.of("in", "n"),
                  "output",
                  Map.of("result", "out")),
              catalog);

      RunResult result = workflow.invoke(Map.of("n", 21, "other", "kept"));

      assertThat(result.state().getLong("result")).isEqualTo(42);
      assertThat(result.state().has("out")).isFalse();
      assertThat(result.state().has("in")).isFalse();
      assertThat(result.state().getString("other")).isEqualTo("kept");
    }

    @Test
    void withoutMappingsTheChildSeesTheWholeStateAndReturnsWhatItChanged() {
      Catalog catalog = Catalog.builder().workflow(DefinitionTestDoubles.doublingChild()).build();
      Workflow workflow = single(NodeTypes.SUBWORKFLOW, Map.of("workflow", "double"), catalog);

      RunResult result = workflow.invoke(Map.of("in", 5));

      assertThat(result.state().getLong("out")).isEqualTo(10);
      assertThat(result.state().getInt("in")).isEqualTo(5);
    }

    @Test
    void unknownWorkflowIsAProblemWithAHint() {
      Catalog catalog = Catalog.builder().workflow(DefinitionTestDoubles.doublingChild()).build();

      ValidationProblem problem =
          onlyProblem(
              singleDefinition(NodeTypes.SUBWORKFLOW, Map.of("workflow", "doubel")), catalog);

      assertThat(problem.location()).isEqualTo("nodes[0].config.workflow");
      assertThat(problem.message())
          .contains("unknown workflow 'doubel'")
          .contains("did you mean 'double'?");
    }

    @Test
    void childWaitingForAPersonIsAProblemAtTheNode() {
      Workflow waitingChild =
          Workflow.builder("approval")
              .human("ask", HumanStep.prompt("ok?"))
              .start("ask")
              .edge("ask", Workflow.END)
              .build();
      Catalog catalog = Catalog.builder().workflow(waitingChild).build();

      ValidationProblem problem =
          onlyProblem(
              singleDefinition(NodeTypes.SUBWORKFLOW, Map.of("workflow", "approval")), catalog);

      assertThat(problem.location()).isEqualTo("nodes[0]");
      assertThat(problem.message()).contains("waits for a person");
    }

    @Test
    void mappingValuesMustBeKeyNames() {
      Catalog catalog = Catalog.builder().workflow(DefinitionTestDoubles.doublingChild()).build();

      ValidationProblem problem =
          onlyProblem(
              singleDefinition(
                  NodeTypes.SUBWORKFLOW, Map.of("workflow", "double", "input", Map.of("in", 5))),
              catalog);

      assertThat(problem.location()).isEqualTo("nodes[0].config.input.in");
    }
  }

  @Nested
  class Transform {

    @Test
    void setComputesValuesWithCel() {
      Workflow workflow =
          single(
              NodeTypes.TRANSFORM,
              Map.of(
                  "set",
                  ordered(
                      "round", "state.round + 1",
                      "greeting", "'Hello, ' + state.first + ' ' + state.last",
                      "pair", "[state.first, state.round]",
                      "card", "{'name': state.first, 'vip': state.round > 2}",
                      "ratio", "double(state.round) / 4.0")),
              Catalog.empty());

      RunResult result = workflow.invoke(Map.of("round", 2, "first", "Ada", "last", "Lovelace"));

      assertThat(result.state().get("round", Object.class)).isEqualTo(3L);
      assertThat(result.state().getString("greeting")).isEqualTo("Hello, Ada Lovelace");
      assertThat(result.state().getList("pair", Object.class)).containsExactly("Ada", 2L);
      assertThat(result.state().getMap("card")).isEqualTo(Map.of("name", "Ada", "vip", false));
      assertThat(result.state().getDouble("ratio")).isEqualTo(0.5);
    }

    @Test
    void resultThatTheStateCannotHoldFailsTheNode() {
      Workflow workflow =
          single(NodeTypes.TRANSFORM, Map.of("set", Map.of("x", "null")), Catalog.empty());

      WorkflowExecutionException failure = runFailure(workflow, Map.of());

      assertThat(failure.nodeId()).contains("node");
      assertThat(failure.getMessage()).contains("\"null\"").contains("cannot hold");
    }

    @Test
    void evaluationErrorFailsTheNodeWithTheExpression() {
      Workflow workflow =
          single(
              NodeTypes.TRANSFORM,
              Map.of("set", Map.of("x", "state.missing + 1")),
              Catalog.empty());

      WorkflowExecutionException failure = runFailure(workflow, Map.of());

      assertThat(failure.nodeId()).contains("node");
      assertThat(failure.getMessage()).contains("state.missing + 1").contains("has(state.");
    }

    @Test
    void invalidExpressionsAndValuesAreProblemsAtTheirKey() {
      List<ValidationProblem> problems =
          Workflows.validate(
              singleDefinition(
                  NodeTypes.TRANSFORM, Map.of("set", ordered("a", "state.x +", "b", 5))),
              Catalog.empty());

      assertThat(problems)
          .extracting(ValidationProblem::location)
          .containsExactly("nodes[0].config.set.b", "nodes[0].config.set.a");
      assertThat(problems.get(1).message()).contains("state.x +");
    }

    @Test
    void emptyOrMissingSetIsAProblem() {
      assertThat(
              onlyProblem(singleDefinition(NodeTypes.TRANSFORM, Map.of()), Catalog.empty())
                  .location())
          .isEqualTo("nodes[0].config.set");
      assertThat(
              onlyProblem(
                      singleDefinition(NodeTypes.TRANSFORM, Map.of("set", Map.of())),
                      Catalog.empty())
                  .location())
          .isEqualTo("nodes[0].config.set");
    }
  }

  /** A definition with one node {@code node} of the given type between start and end. */
  static WorkflowDefinition singleDefinition(String type, Map<String, ?> config) {
    return WorkflowDefinition.builder("single")
        .startNode("node")
        .node(NodeDefinition.of("node", type, config))
        .edge("node", EdgeDefinition.END)
        .build();
  }

  private static Workflow single(String type, Map<String, ?> config, Catalog catalog) {
    return Workflows.compile(singleDefinition(type, config), catalog);
  }

  static ValidationProblem onlyProblem(WorkflowDefinition definition, Catalog catalog) {
    List<ValidationProblem> problems = compileProblems(definition, catalog);
    assertThat(problems).as("problems").hasSize(1);
    return problems.get(0);
  }

  /** The problems compiling reports, checked to be the ones validating reports. */
  static List<ValidationProblem> compileProblems(WorkflowDefinition definition, Catalog catalog) {
    WorkflowValidationException failure =
        catchThrowableOfType(
            WorkflowValidationException.class, () -> Workflows.compile(definition, catalog));
    assertThat(failure).as("compiling should fail").isNotNull();
    assertThat(Workflows.validate(definition, catalog)).isEqualTo(failure.problems());
    return failure.problems();
  }

  private static WorkflowExecutionException runFailure(Workflow workflow, Map<String, ?> input) {
    WorkflowExecutionException failure =
        catchThrowableOfType(WorkflowExecutionException.class, () -> workflow.invoke(input));
    assertThat(failure).as("the run should fail").isNotNull();
    return failure;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    return WorkflowsParseTest.ordered(keysAndValues);
  }
}
