package dev.workflowengine.core;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.AgentDefinition;
import dev.workflowengine.api.definition.EdgeDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.StateKeyDefinition;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema of workflow definitions agrees with what {@link Workflows} parses,
 * validates and compiles: every definition under {@code definitions/valid} passes both, every one
 * under {@code definitions/invalid} is refused by both for the same reason, and the schema lists
 * exactly the properties of the records and the settings of each node type.
 */
class DefinitionSchemaTest {

  private static final ObjectMapper PLAIN_JSON = new ObjectMapper();

  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static final JsonSchema SCHEMA = SCHEMAS.getSchema(schemaStream());

  private static final String EXAMPLE = "support-ticket-triage.json";

  /**
   * Why each invalid definition is invalid: the schema error (keyword, instance location and, for
   * required and additional properties, the property) and a fragment of the problem Java reports.
   */
  private static final Map<String, Rejection> INVALID =
      Map.ofEntries(
          entry("missing-id", reject("required $ id", "$.id: is required")),
          entry(
              "unknown-top-level-property",
              reject(
                  "additionalProperties $ start_node",
                  "$.start_node: unknown property 'start_node' (did you mean 'startNode'?)")),
          entry(
              "node-type-not-in-enum",
              reject("enum $.nodes[3].type", "nodes[3].type: unknown node type 'script'")),
          entry(
              "llm-without-prompt",
              reject("required $.nodes[0].config prompt", "nodes[0].config.prompt: is required")),
          entry(
              "misspelt-config-key",
              reject(
                  "additionalProperties $.nodes[2].config argumnets",
                  "nodes[2].config.argumnets: unknown setting for the tool node type (did you mean"
                      + " 'arguments'?)")),
          entry(
              "bad-duration",
              reject(
                  "pattern $.policies.refund.timeout",
                  "$.policies.refund.timeout: Cannot deserialize value of type `java.time.Duration`"
                      + " from String \"10 seconds\"")),
          entry(
              "negative-retries",
              reject(
                  "minimum $.policies.refund.retries",
                  "$.policies.refund: retries must be >= 0 but was -1")),
          entry(
              "reducer-not-in-enum",
              reject(
                  "enum $.state.history.reducer",
                  "$.state.history.reducer: Cannot deserialize value of type"
                      + " `dev.workflowengine.api.definition.StateKeyDefinition$Reducer` from"
                      + " String \"merge\"")),
          entry("edge-missing-to", reject("required $.edges[4] to", "$.edges[4].to: is required")),
          entry(
              "human-input-type-unknown",
              reject(
                  "enum $.nodes[1].config.input.approved",
                  "nodes[1].config.input.approved: unknown type 'bool'")),
          entry(
              "transform-with-empty-set",
              reject("minProperties $.nodes[3].config.set", "nodes[3].config.set: is required")),
          entry(
              "backoff-multiplier-below-one",
              reject(
                  "minimum $.policies.refund.backoff.multiplier",
                  "backoff.multiplier must be >= 1 but was 0.5")),
          entry(
              "backoff-jitter-above-one",
              reject(
                  "maximum $.policies.refund.backoff.jitter",
                  "backoff.jitter must be in [0, 1] but was 1.5")),
          entry(
              "circuit-breaker-zero-threshold",
              reject(
                  "minimum $.policies.refund.circuitBreaker.failureThreshold",
                  "circuitBreaker.failureThreshold must be >= 1 but was 0")),
          entry(
              "rate-limit-without-period",
              reject(
                  "required $.policies.refund.rateLimit period",
                  "$.policies.refund.rateLimit.period: is required")),
          entry(
              "node-id-starts-with-digit",
              reject("pattern $.nodes[3].id", "nodes[3]: node id '2record' is invalid")),
          entry(
              "agent-node-without-agent",
              reject("required $.nodes[0].config agent", "nodes[0].config.agent: is required")),
          entry(
              "subworkflow-without-workflow",
              reject(
                  "required $.nodes[3].config workflow", "nodes[3].config.workflow: is required")),
          entry(
              "edge-condition-misnamed",
              reject(
                  "additionalProperties $.edges[1] condition",
                  "$.edges[1].condition: unknown property 'condition'")),
          entry(
              "nodes-not-an-array",
              reject(
                  "type $.nodes",
                  "$.nodes: Cannot deserialize value of type `java.util.ArrayList<")),
          entry(
              "version-below-one",
              reject("minimum $.version", "version: must be 1 or more but is -1")),
          entry(
              "llm-output-key-empty",
              reject(
                  "pattern $.nodes[0].config.output",
                  "nodes[0].config.output: must be a non-empty string")),
          entry("null-state-entry", reject("type $.state.order", "state.order is null")));

  private record Rejection(String schemaError, String javaProblem) {}

  private static Rejection reject(String schemaError, String javaProblem) {
    return new Rejection(schemaError, javaProblem);
  }

  // ---------------------------------------------------------------- the schema itself

  @Test
  void theSchemaIsAValidDraft202012Schema() throws IOException {
    JsonSchema metaSchema =
        SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    Set<ValidationMessage> errors = metaSchema.validate(PLAIN_JSON.readTree(schemaStream()));

    assertThat(errors).isEmpty();
    assertThat(PLAIN_JSON.readTree(schemaStream()).path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void workflowsSchemaReturnsThePublishedResource() throws IOException {
    String published;
    try (InputStream in = schemaStream()) {
      published = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(Workflows.schema()).isEqualTo(published);
    assertThat(PLAIN_JSON.readTree(Workflows.schema()).path("title").asText())
        .isEqualTo("Workflow definition");
  }

  @Test
  void objectSchemasListExactlyTheRecordComponentsAndRejectOthers() {
    Map<Class<? extends Record>, String> records =
        Map.of(
            WorkflowDefinition.class, "",
            NodeDefinition.class, "/$defs/node",
            EdgeDefinition.class, "/$defs/edge",
            AgentDefinition.class, "/$defs/agent",
            NodePolicy.class, "/$defs/policy",
            NodePolicy.Backoff.class, "/$defs/backoff",
            NodePolicy.CircuitBreaker.class, "/$defs/circuitBreaker",
            NodePolicy.RateLimit.class, "/$defs/rateLimit",
            StateKeyDefinition.class, "/$defs/stateKeyDefinition");

    records.forEach(
        (type, pointer) -> {
          JsonNode object = schemaNode().at(pointer);
          Set<String> components =
              Arrays.stream(type.getRecordComponents())
                  .map(RecordComponent::getName)
                  .collect(Collectors.toCollection(TreeSet::new));
          assertThat(fieldNames(object.path("properties")))
              .as("properties of %s", type.getSimpleName())
              .isEqualTo(components);
          assertThat(
                  object.path("additionalProperties").isBoolean()
                      && !object.path("additionalProperties").asBoolean())
              .as("%s rejects unknown properties", type.getSimpleName())
              .isTrue();
        });
  }

  @Test
  void configSchemasListExactlyTheSettingsEachNodeTypeAccepts()
      throws ReflectiveOperationException {
    Map<String, Class<?>> compilers =
        Map.of(
            NodeTypes.LLM, LlmNode.class,
            NodeTypes.AGENT, AgentNodes.class,
            NodeTypes.TOOL, ToolNode.class,
            NodeTypes.HUMAN, HumanNodes.class,
            NodeTypes.SUBWORKFLOW, SubworkflowNodes.class,
            NodeTypes.TRANSFORM, TransformNode.class);
    Map<String, Set<String>> required =
        Map.of(
            NodeTypes.LLM, Set.of("prompt"),
            NodeTypes.AGENT, Set.of("agent"),
            NodeTypes.TOOL, Set.of("tool"),
            NodeTypes.HUMAN, Set.of(),
            NodeTypes.SUBWORKFLOW, Set.of("workflow"),
            NodeTypes.TRANSFORM, Set.of("set"));

    assertThat(textValues(schemaNode().at("/$defs/node/properties/type/enum")))
        .isEqualTo(NodeTypes.ALL);
    assertThat(compilers.keySet()).isEqualTo(NodeTypes.ALL);
    for (Map.Entry<String, Class<?>> compiler : compilers.entrySet()) {
      JsonNode config = schemaNode().at("/$defs/" + compiler.getKey() + "Config");
      assertThat(fieldNames(config.path("properties")))
          .as("settings of %s nodes", compiler.getKey())
          .isEqualTo(new TreeSet<>((Set<?>) staticField(compiler.getValue(), "SETTINGS")));
      assertThat(textValues(config.path("required")))
          .as("required settings of %s nodes", compiler.getKey())
          .isEqualTo(required.get(compiler.getKey()));
      assertThat(config.path("additionalProperties").asBoolean(true)).isFalse();
      assertThat(
              configRuleOf(compiler.getKey())
                  .path("properties")
                  .path("config")
                  .path("$ref")
                  .asText())
          .isEqualTo("#/$defs/" + compiler.getKey() + "Config");
    }
  }

  @Test
  void enumsAreTheValuesJavaAccepts() throws ReflectiveOperationException {
    Set<String> reducers = new HashSet<>();
    for (StateKeyDefinition.Reducer reducer : StateKeyDefinition.Reducer.values()) {
      reducers.add(Json.MAPPER.convertValue(reducer, String.class));
    }

    assertThat(textValues(schemaNode().at("/$defs/stateKeyDefinition/properties/reducer/enum")))
        .isEqualTo(reducers);
    assertThat(
            textValues(
                schemaNode().at("/$defs/humanConfig/properties/input/additionalProperties/enum")))
        .isEqualTo(((Map<?, ?>) staticField(HumanNodes.class, "TYPES")).keySet());
  }

  @Test
  void idPatternsAreTheOnesTheValidatorEnforces() throws ReflectiveOperationException {
    String workflowId =
        "^" + ((Pattern) staticField(DefinitionCompiler.class, "WORKFLOW_ID")).pattern() + "$";

    assertThat(schemaNode().at("/$defs/nodeId/pattern").asText())
        .isEqualTo("^" + GraphValidator.NODE_ID.pattern() + "$");
    assertThat(schemaNode().at("/properties/id/pattern").asText()).isEqualTo(workflowId);
    assertThat(schemaNode().at("/$defs/subworkflowConfig/properties/workflow/pattern").asText())
        .isEqualTo(workflowId);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"PT30S\"        | true",
        "\"PT0.5S\"       | true",
        "\"PT1M30.25S\"   | true",
        "\"PT1H30M\"      | true",
        "\"P1D\"          | true",
        "\"P2DT3H4M5S\"   | true",
        "30               | true",
        "1.5              | true",
        "\"30s\"          | false",
        "\"10 seconds\"   | false",
        "\"PT\"           | false",
        "\"P\"            | false",
        "\"P1DT\"         | false",
        "\"-PT1S\"        | false",
        "\"PT-1S\"        | false",
        "\"P1W\"          | false",
        "\"P1M\"          | false",
        "0                | false",
        "-5               | false",
        "true             | false"
      })
  void schemaAndJacksonAgreeOnDurations(String duration, boolean valid) throws IOException {
    String json = "{\"id\": \"durations\", \"policies\": {\"n\": {\"timeout\": " + duration + "}}}";

    boolean schemaAccepts = SCHEMA.validate(PLAIN_JSON.readTree(json)).isEmpty();
    boolean javaAccepts = parses(json);

    assertThat(schemaAccepts).as("schema accepts %s", duration).isEqualTo(valid);
    assertThat(javaAccepts).as("Workflows.parse accepts %s", duration).isEqualTo(valid);
  }

  // ---------------------------------------------------------------- valid definitions

  @ParameterizedTest(name = "{0}")
  @MethodSource("validDefinitions")
  void theSchemaAcceptsEveryValidDefinition(String file) {
    assertThat(schemaErrors(read("valid", file))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validDefinitions")
  void everyValidDefinitionRoundTripsThroughJson(String file) {
    WorkflowDefinition definition = Workflows.parse(read("valid", file));

    String json = Workflows.toJson(definition);

    assertThat(Workflows.parse(json)).isEqualTo(definition);
    assertThat(schemaErrors(json)).as("schema errors of toJson output").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validDefinitions")
  void everyValidDefinitionCompilesAgainstTheCatalog(String file) {
    WorkflowDefinition definition = Workflows.parse(read("valid", file));
    Catalog catalog = catalog(new CopyOnWriteArrayList<>());

    assertThat(Workflows.validate(definition, catalog)).isEmpty();
    Workflow workflow = Workflows.compile(definition, catalog);

    assertThat(workflow.id()).isEqualTo(definition.id());
    assertThat(workflow.nodeIds())
        .containsExactlyInAnyOrderElementsOf(
            definition.nodes().stream().map(NodeDefinition::id).toList());
  }

  @Test
  void theValidDefinitionsTogetherUseEveryFeatureOfTheFormat() {
    List<WorkflowDefinition> all =
        validDefinitions().map(file -> Workflows.parse(read("valid", file))).toList();
    List<NodePolicy> policies = all.stream().flatMap(d -> d.policies().values().stream()).toList();
    List<JsonNode> rawPolicies =
        validDefinitions()
            .map(file -> readTree(read("valid", file)).path("policies"))
            .flatMap(DefinitionSchemaTest::elements)
            .toList();

    assertThat(all).hasSizeGreaterThanOrEqualTo(8);
    assertThat(all.stream().flatMap(d -> d.nodes().stream()).map(NodeDefinition::type))
        .containsAll(NodeTypes.ALL);
    assertThat(all).anySatisfy(d -> assertThat(d.edges()).anyMatch(e -> e.when().isPresent()));
    assertThat(all).anySatisfy(d -> assertThat(fanOutSources(d)).isNotEmpty());
    assertThat(all)
        .anySatisfy(d -> assertThat(d.agents()).anyMatch(a -> !a.capabilities().isEmpty()));
    assertThat(all).anySatisfy(d -> assertThat(d.metadata()).isNotEmpty());
    assertThat(all)
        .anySatisfy(
            d ->
                assertThat(d.state().values())
                    .anyMatch(s -> s.reducer() == StateKeyDefinition.Reducer.APPEND));
    assertThat(all)
        .anySatisfy(d -> assertThat(d.state().values()).anyMatch(StateKeyDefinition::required));
    assertThat(policies).anyMatch(p -> p.timeout().isPresent());
    assertThat(policies).anyMatch(p -> p.retries() > 0);
    assertThat(policies).anyMatch(p -> !p.backoff().equals(NodePolicy.Backoff.DEFAULT));
    assertThat(policies).anyMatch(p -> p.circuitBreaker().isPresent());
    assertThat(policies).anyMatch(p -> p.rateLimit().isPresent());
    assertThat(rawPolicies).anyMatch(p -> p.path("timeout").isNumber());
    assertThat(rawPolicies).anyMatch(p -> p.path("timeout").isTextual());
  }

  // ---------------------------------------------------------------- invalid definitions

  @Test
  void everyInvalidDefinitionSaysWhyItIsInvalid() {
    assertThat(invalidDefinitions().collect(Collectors.toSet())).isEqualTo(INVALID.keySet());
    assertThat(INVALID).hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDefinitions")
  void theSchemaRejectsEveryInvalidDefinitionForItsFault(String name) {
    List<String> errors = schemaErrors(read("invalid", name + ".json"));

    assertThat(errors).contains(INVALID.get(name).schemaError());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDefinitions")
  void javaRejectsEveryInvalidDefinitionForItsFault(String name) {
    String json = read("invalid", name + ".json");
    Catalog catalog = catalog(new CopyOnWriteArrayList<>());
    List<ValidationProblem> problems;
    try {
      WorkflowDefinition definition = Workflows.parse(json);
      problems = Workflows.validate(definition, catalog);
      assertThatThrownBy(() -> Workflows.compile(definition, catalog))
          .isInstanceOf(WorkflowValidationException.class);
    } catch (WorkflowValidationException notParsed) {
      problems = notParsed.problems();
    }

    assertThat(problems)
        .extracting(ValidationProblem::toString)
        .anySatisfy(problem -> assertThat(problem).contains(INVALID.get(name).javaProblem()));
  }

  // ---------------------------------------------------------------- the documentation

  @Test
  void theDocumentationsJsonBlocksAreValid() {
    List<String> blocks = documentationJsonBlocks();
    Catalog catalog = catalog(new CopyOnWriteArrayList<>());

    assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
    for (String block : blocks) {
      JsonNode node = readTree(block);
      String definitionJson = asDefinition(node);
      assertThat(schemaErrors(definitionJson)).as("schema errors of\n%s", block).isEmpty();
      WorkflowDefinition definition = Workflows.parse(definitionJson);
      List<ValidationProblem> problems = Workflows.validate(definition, catalog);
      if (node.has("nodes")) {
        assertThat(problems).as("problems of\n%s", block).isEmpty();
      } else {
        // a single node or policy: only its own settings must be right
        assertThat(problems)
            .as("problems of\n%s", block)
            .noneMatch(p -> p.location().startsWith("nodes[0].config"));
      }
    }
  }

  @Test
  void theDocumentedExampleIsTheTestedDefinition() {
    WorkflowDefinition example = Workflows.parse(read("valid", EXAMPLE));

    assertThat(documentationJsonBlocks())
        .map(block -> readTree(block).path("id").asText())
        .contains(example.id());
    assertThat(documentationJsonBlocks())
        .filteredOn(block -> readTree(block).path("id").asText().equals(example.id()))
        .allSatisfy(block -> assertThat(Workflows.parse(block)).isEqualTo(example));
  }

  @Test
  void theDocumentedBuilderFormEqualsTheJsonForm() throws IOException {
    String source =
        Files.readString(
            repositoryFile(
                "workflow-engine-core/src/test/java/dev/workflowengine/core/"
                    + "DefinitionSchemaTest.java"));
    String begin = "// BEGIN " + "builder example"; // split so that only the markers match
    String code =
        source.substring(
            source.indexOf(begin) + begin.length(), source.indexOf("// END " + "builder example"));

    assertThat(builtExample()).isEqualTo(Workflows.parse(read("valid", EXAMPLE)));
    assertThat(withoutWhitespace(Files.readString(repositoryFile("docs/workflow-definition.md"))))
        .as("docs/workflow-definition.md shows the code of builtExample()")
        .contains(withoutWhitespace(code));
  }

  @Test
  void theExamplePausesForApprovalOfAnUrgentTicketAndSendsTheReplyAfterwards() {
    List<Map<String, Object>> sent = new CopyOnWriteArrayList<>();
    Workflow triage = Workflows.compile(Workflows.parse(read("valid", EXAMPLE)), catalog(sent));
    Map<String, Object> ticket =
        Map.of(
            "subject", "Checkout fails", "body", "I get an error 500.", "email", "ada@example.com");

    RunResult waiting = triage.invoke(Map.of("ticket", ticket));

    assertThat(waiting.status()).isEqualTo(RunResult.Status.WAITING);
    assertThat(waiting.path()).containsExactly("classify", "draft");
    assertThat(waiting.waiting().orElseThrow().prompt())
        .startsWith("Urgent ticket: Checkout crashes on payment");
    assertThat(sent).isEmpty();

    RunResult done = triage.resume(waiting, Map.of("approved", true, "reviewer", "sam"));

    assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(done.path()).containsExactly("approve", "send");
    assertThat(sent)
        .containsExactly(
            Map.of("to", "ada@example.com", "subject", "Re: Checkout fails", "body", REPLY));
  }

  /** The Java builder form of the example, as docs/workflow-definition.md shows it. */
  private static WorkflowDefinition builtExample() {
    // BEGIN builder example
    Map<String, Object> classification =
        Map.of(
            "type", "object",
            "properties",
                Map.of(
                    "category",
                        Map.of(
                            "type",
                            "string",
                            "enum",
                            List.of("billing", "bug", "question", "spam")),
                    "urgency", Map.of("type", "integer", "minimum", 1, "maximum", 5),
                    "summary", Map.of("type", "string")),
            "required", List.of("category", "urgency", "summary"));
    WorkflowDefinition triage =
        WorkflowDefinition.builder("support-ticket-triage")
            .name("Support ticket triage")
            .description(
                "Classifies a ticket, drafts a reply, asks a person to approve replies to urgent"
                    + " tickets, and sends the reply.")
            .version(3)
            .startNode("classify")
            .node(
                NodeDefinition.of(
                    "classify",
                    NodeTypes.LLM,
                    Map.of(
                        "system", "You triage customer support tickets for an online shop.",
                        "prompt",
                            "Classify this ticket.\n"
                                + "Subject: {{ticket.subject}}\n"
                                + "Body: {{ticket.body}}",
                        "model", "fast",
                        "output", "classification",
                        "schema", classification)))
            .node(
                NodeDefinition.of(
                    "discard",
                    NodeTypes.TRANSFORM,
                    Map.of(
                        "set", Map.of("notes", "['discarded as spam: ' + state.ticket.subject]"))))
            .node(
                NodeDefinition.of(
                    "draft",
                    NodeTypes.LLM,
                    Map.of(
                        "prompt",
                        "Write a short, friendly reply to this {{classification.category}} ticket"
                            + " from {{ticket.email}}:\n{{ticket.body}}",
                        "output",
                        "reply")))
            .node(
                NodeDefinition.of(
                    "approve",
                    NodeTypes.HUMAN,
                    Map.of(
                        "prompt",
                        "Urgent ticket: {{classification.summary}}\n\nSend this reply?\n{{reply}}",
                        "input",
                        Map.of("approved", "boolean", "reviewer", "string"))))
            .node(
                NodeDefinition.of(
                    "send",
                    NodeTypes.TOOL,
                    Map.of(
                        "tool", "email.send",
                        "arguments",
                            Map.of(
                                "to", "{{ticket.email}}",
                                "subject", "Re: {{ticket.subject}}",
                                "body", "{{reply}}"),
                        "output", "delivery")))
            .edge(
                EdgeDefinition.when(
                    "classify", "discard", "state.classification.category == 'spam'"))
            .edge("classify", "draft")
            .edge("discard", EdgeDefinition.END)
            .edge(EdgeDefinition.when("draft", "approve", "state.classification.urgency >= 4"))
            .edge("draft", "send")
            .edge(EdgeDefinition.when("approve", "send", "state.approved"))
            .edge("approve", EdgeDefinition.END)
            .edge("send", EdgeDefinition.END)
            .policy(
                "classify",
                NodePolicy.builder()
                    .timeout(Duration.ofSeconds(30))
                    .retries(2)
                    .backoff(
                        new NodePolicy.Backoff(
                            Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.1))
                    .build())
            .policy(
                "send",
                NodePolicy.builder()
                    .timeout(Duration.ofSeconds(10))
                    .retries(3)
                    .circuitBreaker(5, Duration.ofMinutes(1))
                    .rateLimit(10, Duration.ofSeconds(1))
                    .build())
            .state(
                "ticket",
                new StateKeyDefinition(
                    StateKeyDefinition.Reducer.REPLACE,
                    "The ticket: subject, body and the customer's email",
                    true))
            .state(
                "classification",
                new StateKeyDefinition(
                    StateKeyDefinition.Reducer.REPLACE,
                    "category, urgency (1-5) and a one-line summary",
                    false))
            .state(
                "reply",
                new StateKeyDefinition(
                    StateKeyDefinition.Reducer.REPLACE, "The drafted reply", false))
            .state(
                "approved",
                new StateKeyDefinition(
                    StateKeyDefinition.Reducer.REPLACE,
                    "Whether a person approved the reply",
                    false))
            .state(
                "notes",
                new StateKeyDefinition(
                    StateKeyDefinition.Reducer.APPEND, "What happened, one entry per event", false))
            .metadata("owner", "support-team")
            .metadata("tags", List.of("support", "email"))
            .build();
    // END builder example
    return triage;
  }

  // ---------------------------------------------------------------- regressions
  // Bugs found while writing the schema, pinned so they stay fixed.

  /**
   * FAIL_ON_NULL_FOR_PRIMITIVES made Jackson refuse absent primitive record components, so a
   * definition without "version", a policy without "retries" or a state key without "required" did
   * not parse, although they are documented as optional.
   */
  @Test
  void absentPrimitiveComponentsTakeTheirDefaults() {
    WorkflowDefinition definition =
        Workflows.parse(
            """
            {"id": "defaults",
             "policies": {
               "slow": {"timeout": "PT5S"},
               "flaky": {"backoff": {"initialDelay": "PT1S", "maxDelay": "PT4S", "multiplier": 2}}
             },
             "state": {"k": {}}}
            """);

    assertThat(definition.version()).isEqualTo(1);
    assertThat(definition.policies().get("slow"))
        .isEqualTo(NodePolicy.builder().timeout(Duration.ofSeconds(5)).build());
    assertThat(definition.policies().get("flaky").backoff())
        .isEqualTo(new NodePolicy.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 2, 0.2));
    assertThat(definition.state().get("k")).isEqualTo(StateKeyDefinition.replace());
  }

  /**
   * A null entry in "state" or "policies" parsed, then made validate and compile fail with a
   * NullPointerException instead of a validation problem.
   */
  @Test
  void nullPolicyOrStateEntriesAreRefusedWhileParsing() {
    String graph =
        """
        {"id": "nulls", "startNode": "ask", "nodes": [{"id": "ask", "type": "human"}],
         "edges": [{"from": "ask", "to": "__end__"}], %s}
        """;

    assertThatThrownBy(() -> Workflows.parse(graph.formatted("\"state\": {\"k\": null}")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("state.k is null");
    assertThatThrownBy(() -> Workflows.parse(graph.formatted("\"policies\": {\"ask\": null}")))
        .isInstanceOf(WorkflowValidationException.class)
        .hasMessageContaining("policies.ask is null");
  }

  /**
   * With agents declared but no agent factory in the catalog, the agent node was neither compiled
   * nor reported, and validate threw an IllegalStateException. A catalog now always has a factory
   * (the standard one unless set), so such a definition is valid and compiles.
   */
  @Test
  void declaredAgentsWithoutAnAgentFactoryCompileWithTheStandardOne() {
    WorkflowDefinition definition =
        Workflows.parse(
            """
            {"id": "no-factory", "version": 1, "startNode": "answer",
             "agents": [{"id": "helper"}],
             "nodes": [{"id": "answer", "type": "agent", "config": {"agent": "helper"}}],
             "edges": [{"from": "answer", "to": "__end__"}]}
            """);
    Catalog catalog = Catalog.builder().defaultModel(MODEL).build();

    assertThat(Workflows.validate(definition, catalog)).isEmpty();
    assertThat(Workflows.compile(definition, catalog).nodeIds()).contains("answer");
  }

  /**
   * The step that runs a fan-out was named "__fanout__<node>", an id LangGraph4j refuses, so no
   * workflow with parallel branches compiled: "the graph engine rejected the graph".
   */
  @Test
  void aDefinitionWithAParallelFanOutCompilesAndRunsEveryBranch() {
    WorkflowDefinition definition =
        Workflows.parse(
            """
            {"id": "fan-out", "version": 1, "startNode": "split",
             "nodes": [
               {"id": "split", "type": "transform", "config": {"set": {"n": "2"}}},
               {"id": "double", "type": "transform", "config": {"set": {"doubled": "state.n * 2"}}},
               {"id": "square", "type": "transform",
                "config": {"set": {"squared": "state.n * state.n"}}},
               {"id": "join", "type": "transform",
                "config": {"set": {"sum": "state.doubled + state.squared"}}}],
             "edges": [
               {"from": "split", "to": "double"}, {"from": "split", "to": "square"},
               {"from": "double", "to": "join"}, {"from": "square", "to": "join"},
               {"from": "join", "to": "__end__"}]}
            """);

    RunResult result = Workflows.compile(definition, Catalog.empty()).invoke(Map.of());

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.path()).containsExactly("split", "double", "square", "join");
    assertThat(result.state().getInt("sum")).isEqualTo(8);
  }

  // ---------------------------------------------------------------- the test catalog

  private static final String REPLY = "Thanks for telling us, we are fixing the checkout.";

  /** Answers JSON when a node asks for it (a classification), otherwise the reply text. */
  private static final ChatModel MODEL =
      new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
          String text =
              request.responseFormat() != null && request.responseFormat().jsonSchema() != null
                  ? "{\"category\": \"bug\", \"urgency\": 5,"
                      + " \"summary\": \"Checkout crashes on payment\"}"
                  : REPLY;
          return ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
        }
      };

  /** Everything the test definitions refer to; {@code email.send} records what it sends. */
  private static Catalog catalog(List<Map<String, Object>> sent) {
    Workflow summarizeDocument =
        Workflow.builder("summarize-document")
            .node("summarize", state -> Map.of("summary", "Summary: " + state.getString("text")))
            .start("summarize")
            .edge("summarize", Workflow.END)
            .build();
    return Catalog.builder()
        .defaultModel(MODEL)
        .model("fast", MODEL)
        .model("reasoning", MODEL)
        .tool(
            tool(
                "email.send",
                params()
                    .addStringProperty("to")
                    .addStringProperty("subject")
                    .addStringProperty("body")
                    .required("to", "subject", "body"),
                arguments -> {
                  sent.add(Map.copyOf(arguments));
                  return Map.of("status", "sent");
                }))
        .tool(
            tool(
                "search.web",
                params().addStringProperty("query").addIntegerProperty("limit").required("query"),
                a -> List.of("result")))
        .tool(
            tool(
                "kb.search",
                params().addStringProperty("query").required("query"),
                a -> List.of("article")))
        .tool(
            tool(
                "crm.lookup_customer",
                params().addStringProperty("customerId").required("customerId"),
                a -> Map.of("name", "Ada")))
        .tool(
            tool(
                "drive.download",
                params().addStringProperty("fileId").required("fileId"),
                a -> "file content"))
        .tool(
            tool(
                "notes.save",
                params()
                    .addStringProperty("title")
                    .addStringProperty("content")
                    .addProperty(
                        "tags", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                    .addBooleanProperty("pinned")
                    .required("title", "content"),
                a -> "note-1"))
        .tool(
            tool(
                "tickets.update",
                params()
                    .addStringProperty("ticketId")
                    .addProperty("fields", params().build())
                    .addStringProperty("note")
                    .addProperty("customer", params().build())
                    .required("ticketId"),
                a -> true))
        .tool(
            tool(
                "payments.refund",
                params().addStringProperty("orderId").required("orderId"),
                a -> "refunded"))
        .agent("summarizer", state -> Map.of("summary", "Resolved."))
        .agentFactory(
            (agent, node, catalog) -> state -> Map.of(node.outputKey(), agent.id() + " answered"))
        .workflow(summarizeDocument)
        .build();
  }

  private static JsonObjectSchema.Builder params() {
    return JsonObjectSchema.builder();
  }

  private static AgentTool tool(
      String name, JsonObjectSchema.Builder parameters, AgentTool.Function function) {
    return AgentTool.of(
        ToolSpecification.builder()
            .name(name)
            .description("test double for " + name)
            .parameters(parameters.build())
            .build(),
        function);
  }

  // ---------------------------------------------------------------- helpers

  static Stream<String> validDefinitions() {
    return list("valid").map(Path::getFileName).map(Path::toString);
  }

  static Stream<String> invalidDefinitions() {
    return list("invalid").map(path -> path.getFileName().toString().replace(".json", ""));
  }

  private static Stream<Path> list(String directory) {
    try (Stream<Path> files = Files.list(resource("/definitions/" + directory))) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      return json.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String directory, String file) {
    try {
      return Files.readString(resource("/definitions/" + directory + "/" + file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(DefinitionSchemaTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream schemaStream() {
    return WorkflowDefinition.class.getResourceAsStream(WorkflowDefinition.SCHEMA_RESOURCE);
  }

  private static JsonNode schemaNode() {
    return readTree(Workflows.schema());
  }

  /** The node rule of the schema's allOf that applies to one node type. */
  private static JsonNode configRuleOf(String type) {
    for (JsonNode rule : schemaNode().at("/$defs/node/allOf")) {
      if (rule.at("/if/properties/type/const").asText().equals(type)) {
        return rule.path("then");
      }
    }
    throw new AssertionError("no allOf rule for node type " + type);
  }

  /** Schema errors as "keyword instanceLocation [property]", independent of the locale. */
  private static List<String> schemaErrors(String json) {
    Set<ValidationMessage> messages = SCHEMA.validate(readTree(json));
    List<String> errors = new ArrayList<>();
    for (ValidationMessage message : messages) {
      String property =
          Set.of("required", "additionalProperties").contains(message.getType())
              ? " " + message.getProperty()
              : "";
      errors.add(message.getType() + " " + message.getInstanceLocation() + property);
    }
    return errors;
  }

  private static boolean parses(String json) {
    try {
      Workflows.parse(json);
      return true;
    } catch (WorkflowValidationException e) {
      return false;
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return PLAIN_JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<JsonNode> elements(JsonNode object) {
    return StreamSupport.stream(object.spliterator(), false);
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> textValues(JsonNode array) {
    return elements(array).map(JsonNode::asText).collect(Collectors.toSet());
  }

  private static Object staticField(Class<?> type, String name)
      throws ReflectiveOperationException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(null);
  }

  private static Set<String> fanOutSources(WorkflowDefinition definition) {
    Map<String, Long> unconditional =
        definition.edges().stream()
            .filter(e -> e.when().isEmpty())
            .collect(Collectors.groupingBy(EdgeDefinition::from, Collectors.counting()));
    return unconditional.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** The ```json blocks of docs/workflow-definition.md. */
  private static List<String> documentationJsonBlocks() {
    String markdown;
    try {
      markdown = Files.readString(repositoryFile("docs/workflow-definition.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> blocks = new ArrayList<>();
    Matcher matcher = Pattern.compile("(?s)```json\\n(.*?)```").matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  /** A file of the repository, found by walking up from the test classes. */
  private static Path repositoryFile(String relativePath) {
    for (Path dir = resource("/definitions"); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relativePath);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(relativePath + " not found above the test classes");
  }

  private static String withoutWhitespace(String text) {
    return text.replaceAll("\\s+", "");
  }

  /**
   * A documentation block as a whole definition: a definition stays as it is, a node or a policy is
   * wrapped into one, so that both the schema and Java can check it.
   */
  private static String asDefinition(JsonNode block) {
    if (block.has("id") && (block.has("nodes") || block.has("startNode"))) {
      return block.toString();
    }
    if (block.has("id") && block.has("type")) {
      return "{\"id\": \"doc\", \"nodes\": [" + block + "]}";
    }
    Set<String> policyProperties =
        Set.of("timeout", "retries", "backoff", "circuitBreaker", "rateLimit");
    if (fieldNames(block).stream().allMatch(policyProperties::contains)) {
      return "{\"id\": \"doc\", \"policies\": {\"n\": " + block + "}}";
    }
    throw new AssertionError(
        "a ```json block of the documentation is neither a definition, a node nor a policy; label"
            + " other JSON differently:\n"
            + block);
  }
}
