package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.AgentDefinition;
import dev.workflowengine.api.definition.EdgeDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.StateKeyDefinition;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.core.DefinitionTestDoubles.FakeChatModel;
import dev.workflowengine.core.DefinitionTestDoubles.MailTool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever a definition holds, compiling it either succeeds or throws a {@link
 * WorkflowValidationException} with at least one problem; writing and reading it back gives an
 * equal definition; and running what compiled ends. Definitions are generated at random, mostly
 * plausible, then mutated. Set {@code -Dfuzz.seed=N} to replay a run; every failure names the seed
 * and the case.
 */
class DefinitionFuzzTest {

  private static final long SEED = Long.getLong("fuzz.seed", 0x5EED_2026L);
  private static final int CASES = Integer.getInteger("fuzz.cases", 1_000);
  private static final int STEP_CAP = 200;

  private static final List<String> TYPES = List.copyOf(NodeTypes.ALL.stream().sorted().toList());
  private static final List<String> BAD_TYPES = List.of("lmm", "", "LLM", "agnet", "tools", " ");
  private static final List<String> KEYS =
      List.of("x", "y", "n", "round", "topic", "items", "flag", "name", "in", "out", "notes");
  private static final List<String> BAD_IDS =
      List.of(
          "",
          " ",
          "9lives",
          "a b",
          "__end__",
          "__start__",
          "_x",
          "x".repeat(70),
          "é",
          "a/b",
          "end",
          "null");
  private static final List<String> CONDITIONS = // the first 13 may be true or false
      List.of(
          "state.n > 1",
          "has(state.x)",
          "has(state.round) && state.round < 3",
          "state.flag",
          "state.flag == true",
          "!has(state.y)",
          "size(state.items) > 0",
          "state.name == 'a'",
          "state.n + 1 > 2",
          "'urgent' in state.items",
          "state.items.exists(i, i > 1)",
          "true",
          "false",
          "state.n + 1",
          "'text'",
          "state.missing.deeper == 1",
          "state.n / 0 == 1",
          "state.n > 0.5",
          "state.x == null");
  private static final List<String> EXPRESSIONS =
      List.of(
          "1",
          "'a'",
          "state.n + 1",
          "has(state.round) ? state.round + 1 : 1",
          "[1, 2, 3]",
          "{'k': 'v'}",
          "state.name + '!'",
          "size(state.items)",
          "state.flag",
          "null",
          "1.5 * 2.0",
          "state.items",
          "timestamp('2020-01-01T00:00:00Z')",
          "b'bytes'",
          "state");
  private static final List<String> CEL_TOKENS =
      List.of(
          "state",
          ".",
          "x",
          "n",
          "(",
          ")",
          "&&",
          "||",
          "!",
          "1",
          "'a'",
          "==",
          ">",
          "has",
          "[",
          "]",
          " ",
          "size",
          "+",
          "?",
          ":",
          "null",
          "1.5",
          "\"",
          "\\",
          "{",
          "}",
          ",",
          "in",
          "-",
          "true",
          "map",
          "e",
          "9999999999999999999999",
          "'",
          "\n",
          "é");
  private static final List<String> TEMPLATES = // the first six are valid
      List.of(
          "Hello {{name}}",
          "{{topic}}",
          "Items: {{items}} and {{items.0}}",
          "plain text",
          "{{ x }} then {{y}}",
          "{{n}}{{n}}",
          "",
          "{{missing.path.deep}}",
          "{{ a b }}",
          "unclosed {{x",
          "{{}}");
  private static final List<String> HUMAN_TYPES =
      List.of("string", "boolean", "integer", "number", "object", "array", "date", "");

  private final MailTool mail = new MailTool();
  private final Catalog catalog =
      Catalog.builder()
          .defaultModel(new FakeChatModel(DefinitionFuzzTest::answer))
          .model("fast", FakeChatModel.answering("fast answer"))
          .tool(mail.tool)
          .tool(
              DefinitionTestDoubles.tool(
                  "search", List.of("query", "limit"), arguments -> List.of("r1", "r2"), "query"))
          .tool(
              DefinitionTestDoubles.tool(
                  "broken",
                  List.of(),
                  arguments -> {
                    throw new IllegalStateException("broken tool");
                  }))
          .agent("researcher", state -> Map.of("facts", "f"))
          .agentFactory(
              (agent, node, catalog) ->
                  state ->
                      Map.of(node.outputKey(), agent.id() + node.prompt().map(p -> p.apply(state))))
          .workflow(DefinitionTestDoubles.doublingChild())
          .build();

  private final Map<String, AtomicInteger> outcomes = new LinkedHashMap<>();

  @Test
  void randomAndMutatedDefinitionsCompileOrFailWithValidationProblemsAndNeverHang() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(Math.max(60, CASES * 60L / 1_000)),
        () -> {
          Random seeds = new Random(SEED);
          for (int i = 0; i < CASES; i++) {
            long caseSeed = seeds.nextLong();
            checkCase(new Random(caseSeed), "seed " + SEED + ", case " + i + " (" + caseSeed + ")");
          }
        },
        () -> "fuzzing with seed " + SEED + " did not finish; outcomes so far: " + outcomes);

    System.out.println("definition fuzz, seed " + SEED + ": " + outcomes);
    // The generator must produce every kind of outcome, or the property proves little.
    assertThat(count("compiled")).as("compiled of %s", outcomes).isGreaterThan(CASES / 10);
    assertThat(count("invalid")).as("invalid of %s", outcomes).isGreaterThan(CASES / 4);
    assertThat(count("run completed")).as("completed of %s", outcomes).isGreaterThan(CASES / 50);
    assertThat(count("run failed")).as("failed runs of %s", outcomes).isPositive();
    assertThat(count("run waiting")).as("waiting runs of %s", outcomes).isPositive();
    assertThat(count("run cancelled")).as("capped runs of %s", outcomes).isPositive();
    assertThat(count("json garbled and refused")).isPositive();
  }

  private void checkCase(Random random, String label) {
    WorkflowDefinition definition = new Generator(random).definition();
    int mutations = chance(random, 50) ? 0 : 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      definition = new Mutator(random).mutate(definition);
    }
    WorkflowDefinition generated = definition;
    Optional<Workflow> workflow = compile(generated, label);
    roundTrip(generated, label);
    garbledJson(generated, random, label);
    workflow.ifPresent(w -> run(w, generated, random, label));
  }

  private Optional<Workflow> compile(WorkflowDefinition definition, String label) {
    List<ValidationProblem> validated =
        guard(label, "validate", definition, () -> Workflows.validate(definition, catalog));
    try {
      Workflow workflow = Workflows.compile(definition, catalog);
      tally("compiled");
      if (!validated.isEmpty()) {
        fail(
            label
                + ": compiled although validate reported "
                + validated
                + "\n"
                + describe(definition));
      }
      return Optional.of(workflow);
    } catch (WorkflowValidationException invalid) {
      tally("invalid");
      if (invalid.problems().isEmpty()) {
        fail(label + ": a validation exception without problems\n" + describe(definition), invalid);
      }
      if (!invalid.problems().equals(validated)) {
        fail(
            label
                + ": compile reported "
                + invalid.problems()
                + " but validate "
                + validated
                + "\n"
                + describe(definition));
      }
      return Optional.empty();
    } catch (Throwable unexpected) {
      fail(
          label + ": compile threw " + unexpected + "\n" + describe(definition) + trace(unexpected),
          unexpected);
      return Optional.empty();
    }
  }

  private void roundTrip(WorkflowDefinition definition, String label) {
    String json = guard(label, "toJson", definition, () -> Workflows.toJson(definition));
    try {
      WorkflowDefinition parsed = Workflows.parse(json);
      if (!parsed.equals(definition)) {
        fail(
            label
                + ": the round trip changed the definition\n"
                + json
                + "\nread back as\n"
                + Workflows.toJson(parsed));
      }
    } catch (WorkflowValidationException refused) {
      fail(label + ": toJson wrote JSON that parse refuses: " + refused.getMessage() + "\n" + json);
    } catch (Throwable unexpected) {
      fail(label + ": parse threw " + unexpected + "\n" + json + trace(unexpected), unexpected);
    }
  }

  /** Parsing damaged JSON may only fail with a validation exception. */
  private void garbledJson(WorkflowDefinition definition, Random random, String label) {
    String json = Workflows.toJson(definition);
    StringBuilder garbled = new StringBuilder(json);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && garbled.length() > 0; e++) {
      int at = random.nextInt(garbled.length());
      switch (random.nextInt(4)) {
        case 0 -> garbled.deleteCharAt(at);
        case 1 -> garbled.insert(at, pickChar(random, "{}[]\",:0a-\\ntrue"));
        case 2 -> garbled.setCharAt(at, (char) (32 + random.nextInt(95)));
        default -> garbled.replace(at, Math.min(garbled.length(), at + 8), "\"x\":");
      }
    }
    String text = garbled.toString();
    try {
      WorkflowDefinition parsed = Workflows.parse(text);
      tally("json garbled and still read");
      compile(parsed, label + " (garbled JSON)");
    } catch (WorkflowValidationException refused) {
      tally("json garbled and refused");
      if (refused.problems().isEmpty()) {
        fail(label + ": a validation exception without problems for\n" + text);
      }
    } catch (Throwable unexpected) {
      fail(
          label + ": parse of garbled JSON threw " + unexpected + "\n" + text + trace(unexpected),
          unexpected);
    }
  }

  private void run(Workflow workflow, WorkflowDefinition definition, Random random, String label) {
    AtomicInteger asked = new AtomicInteger();
    RunOptions options =
        RunOptions.builder().cancelWhen(() -> asked.incrementAndGet() > STEP_CAP).build();
    try {
      RunResult result = workflow.invoke(randomInput(random), options);
      tally("run " + result.status().name().toLowerCase(java.util.Locale.ROOT));
    } catch (WorkflowException failed) {
      tally("run failed");
      if (System.getProperty("fuzz.debug") != null) { // which failures the generator provokes
        String line = String.valueOf(failed.getMessage()).replaceAll("'[^']*'", "'…'");
        tally("failure: " + line.substring(0, Math.min(100, line.length())).replace('\n', ' '));
      }
    } catch (Throwable unexpected) {
      fail(
          label + ": the run threw " + unexpected + "\n" + describe(definition) + trace(unexpected),
          unexpected);
    }
  }

  private static Map<String, Object> randomInput(Random random) {
    Map<String, Object> input = new HashMap<>();
    if (chance(random, 70)) { // every key, with the type the conditions and expressions expect
      input.putAll(Map.of("x", "x", "y", "y", "n", random.nextInt(4), "round", 0, "topic", "t"));
      input.putAll(
          Map.of(
              "items",
              List.of(1, 2),
              "flag",
              random.nextBoolean(),
              "name",
              "a",
              "in",
              3,
              "out",
              1));
      input.put("notes", List.of("first"));
      return input;
    }
    Supplier<Object>[] values =
        List.<Supplier<Object>>of(
                () -> random.nextInt(5),
                () -> random.nextBoolean(),
                () -> "a",
                () -> List.of(1, 2, "urgent"),
                () -> Map.of("k", "v", "deep", Map.of("n", 1)),
                () -> 2.5)
            .toArray(Supplier[]::new);
    for (String key : KEYS) {
      if (random.nextBoolean()) {
        input.put(key, values[random.nextInt(values.length)].get());
      }
    }
    return input;
  }

  private static String answer(ChatRequest request) {
    return request.responseFormat() == null ? "an answer" : "{\"ok\": true, \"n\": 2}";
  }

  private <T> T guard(String label, String what, WorkflowDefinition definition, Supplier<T> call) {
    try {
      return call.get();
    } catch (Throwable unexpected) {
      fail(
          label
              + ": "
              + what
              + " threw "
              + unexpected
              + "\n"
              + describe(definition)
              + trace(unexpected),
          unexpected);
      return null;
    }
  }

  private void tally(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
  }

  private int count(String outcome) {
    AtomicInteger n = outcomes.get(outcome);
    return n == null ? 0 : n.get();
  }

  private static String describe(WorkflowDefinition definition) {
    try {
      return Workflows.toJson(definition);
    } catch (RuntimeException e) {
      return definition.toString();
    }
  }

  private static String trace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return "\n" + text;
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private static char pickChar(Random random, String characters) {
    return characters.charAt(random.nextInt(characters.length()));
  }

  private static boolean chance(Random random, int percent) {
    return random.nextInt(100) < percent;
  }

  /**
   * Definitions that are valid by construction in "clean" cases (a spine from start to end, with
   * conditional branches and loops that have a fallback), and carry typical mistakes in "sloppy"
   * ones.
   */
  private static final class Generator {
    private final Random random;
    private final boolean sloppy;
    private final List<String> agentIds = new ArrayList<>();

    Generator(Random random) {
      this.random = random;
      this.sloppy = chance(random, 50);
    }

    /** A mistake with the given chance, in sloppy cases only. */
    private boolean oops(int percent) {
      return sloppy && chance(random, percent);
    }

    WorkflowDefinition definition() {
      WorkflowDefinition.Builder builder =
          WorkflowDefinition.builder(
              oops(10) ? pick(random, BAD_IDS) : "wf-" + random.nextInt(100));
      if (chance(random, 50)) {
        builder.name(randomText()).description(randomText());
      }
      for (int a = random.nextInt(3); a > 0; a--) {
        builder.agent(agent());
      }
      int size = (sloppy ? 0 : 1) + random.nextInt(7);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        String id = oops(8) ? pick(random, BAD_IDS) : "n" + i;
        ids.add(id);
        String type = oops(8) ? pick(random, BAD_TYPES) : pick(random, TYPES);
        builder.node(NodeDefinition.of(id, type, config(type)));
      }
      if (!ids.isEmpty() && !oops(10)) {
        builder.startNode(ids.get(0));
      } else if (chance(random, 50)) {
        builder.startNode(pick(random, List.of("nowhere", "__end__", "__start__", " ")));
      }
      for (int i = 0; i < ids.size(); i++) {
        String from = ids.get(i);
        for (int c = chance(random, 40) ? 1 + random.nextInt(2) : 0; c > 0; c--) {
          builder.edge(EdgeDefinition.when(from, target(ids), condition()));
        }
        if (!oops(10)) {
          builder.edge(from, i + 1 < ids.size() ? ids.get(i + 1) : EdgeDefinition.END);
        }
        if (oops(10)) {
          builder.edge(from, target(ids)); // a fan-out, rarely valid
        }
      }
      for (int p = chance(random, 30) ? 1 + random.nextInt(2) : 0; p > 0; p--) {
        builder.policy(ids.isEmpty() || oops(30) ? "ghost" : pick(random, ids), policy());
      }
      if (chance(random, 30)) {
        // Declared state makes template reads checked: clean cases declare every key.
        List<String> declared = sloppy ? List.of(pick(random, KEYS), pick(random, KEYS)) : KEYS;
        declared.forEach(key -> builder.state(key, stateKey()));
      }
      for (int m = random.nextInt(3); m > 0; m--) {
        builder.metadata(pick(random, KEYS), jsonValue(2));
      }
      return builder.build();
    }

    private Map<String, Object> config(String nodeType) {
      String type = oops(10) ? pick(random, TYPES) : nodeType; // settings of another type
      Map<String, Object> config = new LinkedHashMap<>();
      switch (type) {
        case NodeTypes.LLM -> {
          maybe(config, "prompt", oops(20) ? 0 : 100, this::template);
          maybe(config, "system", 30, this::template);
          maybe(config, "model", 30, () -> oops(50) ? pick(random, List.of("gpt", "")) : "fast");
          maybe(config, "output", 50, () -> pick(random, KEYS));
          maybe(config, "schema", 20, () -> Map.of("type", "object"));
        }
        case NodeTypes.TOOL -> toolConfig(config);
        case NodeTypes.AGENT -> {
          List<String> names = new ArrayList<>(agentIds);
          names.add("researcher");
          if (sloppy) {
            names.add("stranger");
          }
          maybe(config, "agent", oops(10) ? 0 : 100, () -> pick(random, names));
          if (!agentIds.isEmpty() || sloppy) {
            maybe(config, "prompt", 40, this::template);
            maybe(config, "output", 40, () -> pick(random, KEYS));
          }
        }
        case NodeTypes.HUMAN -> {
          maybe(config, "prompt", 60, this::template);
          maybe(
              config,
              "input",
              50,
              () ->
                  Map.of(
                      pick(random, KEYS),
                      oops(30)
                          ? pick(random, HUMAN_TYPES)
                          : pick(random, HUMAN_TYPES.subList(0, 6))));
        }
        case NodeTypes.SUBWORKFLOW -> {
          maybe(config, "workflow", oops(10) ? 0 : 100, () -> oops(30) ? "triple" : "double");
          maybe(config, "input", 50, () -> Map.of("in", pick(random, KEYS)));
          maybe(config, "output", 50, () -> Map.of(pick(random, KEYS), "out"));
        }
        default -> {
          Map<String, Object> set = new LinkedHashMap<>();
          for (int k = 1 + random.nextInt(2); k > 0; k--) {
            set.put(pick(random, KEYS), oops(30) ? randomCel() : pick(random, EXPRESSIONS));
          }
          maybe(config, "set", oops(10) ? 0 : 100, () -> set);
        }
      }
      if (oops(10)) {
        config.put(pick(random, List.of("promt", "tpye", "extra")), jsonValue(1));
      }
      return config;
    }

    private void toolConfig(Map<String, Object> config) {
      String tool =
          oops(30)
              ? pick(random, List.of("mail.sned", "broken"))
              : pick(random, List.of("mail.send", "search"));
      config.put("tool", tool);
      List<String> parameters =
          switch (tool) {
            case "mail.send" -> List.of("to", "subject");
            case "search" -> List.of("query", "limit");
            default -> List.of();
          };
      Map<String, Object> arguments = new LinkedHashMap<>();
      for (String name : parameters) {
        if (name.equals("to") || name.equals("query") || chance(random, 50)) {
          arguments.put(name, chance(random, 70) ? template() : jsonValue(1));
        }
      }
      if (oops(20)) {
        arguments.put(pick(random, List.of("bogus", "too", "to")), template());
      }
      if (oops(10)) {
        config.put("arguments", "not an object");
      } else if (!arguments.isEmpty() || chance(random, 50)) {
        config.put("arguments", arguments);
      }
      maybe(config, "output", 40, () -> pick(random, KEYS));
    }

    private void maybe(
        Map<String, Object> config, String key, int percent, Supplier<Object> value) {
      if (chance(random, percent)) {
        config.put(key, value.get());
      }
    }

    private String target(List<String> ids) {
      int roll = random.nextInt(100);
      if (roll < 15 || ids.isEmpty()) {
        return EdgeDefinition.END;
      }
      if (oops(10)) {
        return pick(random, List.of("nowhere", "__start__", "end"));
      }
      return pick(random, ids); // backwards too: loops
    }

    private String condition() {
      if (oops(30)) {
        return randomCel();
      }
      return oops(30) ? pick(random, CONDITIONS) : pick(random, CONDITIONS.subList(0, 13));
    }

    private String randomCel() {
      StringBuilder text = new StringBuilder();
      for (int t = 1 + random.nextInt(12); t > 0; t--) {
        text.append(pick(random, CEL_TOKENS));
      }
      return text.toString();
    }

    private String template() {
      if (oops(20)) {
        return oops(50) ? pick(random, TEMPLATES) : "{{" + randomText() + "}}" + randomText();
      }
      return pick(random, TEMPLATES.subList(0, 6));
    }

    private String randomText() {
      String alphabet = "ab xé{}.\"\\\n\t☃_-0";
      StringBuilder text = new StringBuilder();
      for (int c = random.nextInt(8); c > 0; c--) {
        text.append(pickChar(random, alphabet));
      }
      return text.toString();
    }

    private AgentDefinition agent() {
      String id =
          oops(30)
              ? pick(random, List.of("writer", "a b", ""))
              : pick(random, List.of("writer", "critic", "planner"));
      if (!sloppy && agentIds.contains(id)) {
        id = id + agentIds.size();
      }
      agentIds.add(id);
      AgentDefinition.Builder agent = AgentDefinition.builder(id);
      agent.model(oops(30) ? "gpt" : pick(random, List.of("default", "fast")));
      if (chance(random, 40)) {
        agent.tools(oops(30) ? "fax" : pick(random, List.of("mail.send", "search")));
      }
      if (chance(random, 50)) {
        agent.capabilities("triage", randomText());
      }
      if (chance(random, 30)) {
        agent.systemPrompt(template()).config("maxToolRounds", random.nextInt(5));
      }
      return agent.build();
    }

    private NodePolicy policy() {
      NodePolicy.Builder policy = NodePolicy.builder().retries(random.nextInt(3));
      policy.backoff(Duration.ofMillis(1), Duration.ofMillis(2));
      if (chance(random, 50)) {
        policy.timeout(Duration.ofSeconds(10));
      }
      if (chance(random, 30)) {
        policy.circuitBreaker(1 + random.nextInt(3), Duration.ofMinutes(1));
      }
      if (chance(random, 30)) {
        policy.rateLimit(10_000, Duration.ofSeconds(1));
      }
      return policy.build();
    }

    private StateKeyDefinition stateKey() {
      return switch (random.nextInt(4)) {
        case 0 -> StateKeyDefinition.append();
        case 1 -> new StateKeyDefinition(StateKeyDefinition.Reducer.REPLACE, randomText(), false);
        case 2 -> oops(50) ? StateKeyDefinition.requiredInput() : StateKeyDefinition.replace();
        default -> StateKeyDefinition.replace();
      };
    }

    Object jsonValue(int depth) {
      int roll = random.nextInt(depth > 0 ? 8 : 5);
      return switch (roll) {
        case 0 -> randomText();
        case 1 -> random.nextInt();
        case 2 -> random.nextLong();
        case 3 -> random.nextBoolean();
        case 4 -> random.nextDouble() * 1e6 - 5e5;
        case 5 -> List.of(jsonValue(depth - 1), jsonValue(depth - 1));
        case 6 -> Map.of("k" + random.nextInt(3), jsonValue(depth - 1));
        default -> new java.math.BigInteger(80, random);
      };
    }
  }

  /** Damages a definition the way people and models do. */
  private static final class Mutator {
    private final Random random;

    Mutator(Random random) {
      this.random = random;
    }

    WorkflowDefinition mutate(WorkflowDefinition definition) {
      List<NodeDefinition> nodes = new ArrayList<>(definition.nodes());
      List<EdgeDefinition> edges = new ArrayList<>(definition.edges());
      String start = definition.startNode();
      String id = definition.id();
      switch (random.nextInt(12)) {
        case 0 -> removeOne(nodes);
        case 1 -> {
          if (!nodes.isEmpty()) {
            nodes.add(random.nextInt(nodes.size() + 1), pick(random, nodes)); // duplicate id
          }
        }
        case 2 -> {
          if (!edges.isEmpty()) {
            int at = random.nextInt(edges.size());
            EdgeDefinition edge = edges.get(at);
            edges.set(
                at,
                new EdgeDefinition(
                    edge.from(), pick(random, List.of("ghost", "End", "__start__")), edge.when()));
          }
        }
        case 3 -> {
          if (!nodes.isEmpty()) {
            int at = random.nextInt(nodes.size());
            NodeDefinition node = nodes.get(at);
            nodes.set(at, NodeDefinition.of(garble(node.id()), node.type(), node.config()));
          }
        }
        case 4 -> {
          if (nodes.size() >= 2) {
            int a = random.nextInt(nodes.size());
            int b = random.nextInt(nodes.size());
            NodeDefinition first = nodes.get(a);
            NodeDefinition second = nodes.get(b);
            nodes.set(a, NodeDefinition.of(first.id(), second.type(), first.config()));
            nodes.set(b, NodeDefinition.of(second.id(), first.type(), second.config()));
          }
        }
        case 5 ->
            nodes.add(NodeDefinition.of(pick(random, BAD_IDS), pick(random, TYPES), Map.of()));
        case 6 -> {
          if (!nodes.isEmpty()) { // a cycle, with or without a way out
            String from = pick(random, nodes).id();
            String to = pick(random, nodes).id();
            edges.removeIf(edge -> chance(random, 50) && edge.from().equals(from));
            edges.add(
                chance(random, 50)
                    ? EdgeDefinition.of(from, to)
                    : EdgeDefinition.when(from, to, "state.n < 3"));
          }
        }
        case 7 -> {
          if (!edges.isEmpty()) {
            int at = random.nextInt(edges.size());
            EdgeDefinition edge = edges.get(at);
            edges.set(
                at,
                EdgeDefinition.when(edge.from(), edge.to(), garble(edge.when().orElse("state.x"))));
          }
        }
        case 8 -> {
          if (!nodes.isEmpty()) {
            int at = random.nextInt(nodes.size());
            NodeDefinition node = nodes.get(at);
            Map<String, Object> config = new LinkedHashMap<>(node.config());
            config.replaceAll((key, value) -> value instanceof String text ? garble(text) : value);
            if (chance(random, 30)) {
              config.put("set", pick(random, List.of("x", List.of(1), Map.of("k", 1))));
            }
            nodes.set(at, NodeDefinition.of(node.id(), node.type(), config));
          }
        }
        case 9 -> start = pick(random, List.of("", "ghost", "__end__", garble(start)));
        case 10 ->
            edges.add(
                chance(random, 50)
                    ? EdgeDefinition.of(
                        Workflow.START, nodes.isEmpty() ? "x" : pick(random, nodes).id())
                    : EdgeDefinition.of(
                        EdgeDefinition.END, nodes.isEmpty() ? "x" : pick(random, nodes).id()));
        default -> {
          removeOne(edges);
          if (chance(random, 30)) {
            id = garble(id);
          }
        }
      }
      return new WorkflowDefinition(
          id,
          definition.name(),
          definition.description(),
          definition.version(),
          start,
          nodes,
          edges,
          definition.agents(),
          definition.policies(),
          definition.state(),
          definition.metadata());
    }

    private <T> void removeOne(List<T> items) {
      if (!items.isEmpty()) {
        items.remove(random.nextInt(items.size()));
      }
    }

    private String garble(String text) {
      StringBuilder garbled = new StringBuilder(text);
      int at = garbled.length() == 0 ? 0 : random.nextInt(garbled.length());
      switch (random.nextInt(4)) {
        case 0 -> {
          if (garbled.length() > 0) {
            garbled.deleteCharAt(at);
          }
        }
        case 1 -> garbled.insert(at, pickChar(random, "{}()'\". é\\"));
        case 2 -> garbled.reverse();
        default -> garbled.append(garbled);
      }
      return garbled.toString();
    }
  }
}
