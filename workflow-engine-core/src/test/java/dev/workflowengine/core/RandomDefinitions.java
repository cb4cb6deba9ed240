package dev.workflowengine.core;

import dev.workflowengine.api.definition.AgentDefinition;
import dev.workflowengine.api.definition.EdgeDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.StateKeyDefinition;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random workflow definitions for {@link DefinitionFuzzTest}: {@link Generator} makes them, {@link
 * Mutator} damages them. Deterministic for a given {@link Random}.
 */
final class RandomDefinitions {

  private RandomDefinitions() {}

  private static final List<String> TYPES = List.copyOf(NodeTypes.ALL.stream().sorted().toList());
  private static final List<String> BAD_TYPES = List.of("lmm", "", "LLM", "agnet", "tools", " ");
  static final List<String> KEYS =
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

  static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  static char pickChar(Random random, String characters) {
    return characters.charAt(random.nextInt(characters.length()));
  }

  static boolean chance(Random random, int percent) {
    return random.nextInt(100) < percent;
  }

  /**
   * Definitions that are valid by construction in "clean" cases (a spine from start to end, with
   * conditional branches and loops that have a fallback), and carry typical mistakes in "sloppy"
   * ones.
   */
  static final class Generator {
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
  static final class Mutator {
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
