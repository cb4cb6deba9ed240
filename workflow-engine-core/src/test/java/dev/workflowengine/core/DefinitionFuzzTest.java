package dev.workflowengine.core;

import static dev.workflowengine.core.RandomDefinitions.KEYS;
import static dev.workflowengine.core.RandomDefinitions.chance;
import static dev.workflowengine.core.RandomDefinitions.pickChar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowException;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.core.DefinitionTestDoubles.FakeChatModel;
import dev.workflowengine.core.DefinitionTestDoubles.MailTool;
import dev.workflowengine.core.RandomDefinitions.Generator;
import dev.workflowengine.core.RandomDefinitions.Mutator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
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

  /** Some cases compile against a catalog with no tools, agents or agent factory. */
  private final Catalog bareCatalog =
      Catalog.builder()
          .defaultModel(FakeChatModel.answering("bare"))
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
    Catalog against = chance(random, 20) ? bareCatalog : catalog;
    Optional<Workflow> workflow = compile(generated, against, label);
    roundTrip(generated, label);
    garbledJson(generated, against, random, label);
    workflow.ifPresent(w -> run(w, generated, random, label));
  }

  private Optional<Workflow> compile(WorkflowDefinition definition, Catalog catalog, String label) {
    List<ValidationProblem> validated =
        guard(label, "validate", definition, () -> Workflows.validate(definition, catalog));
    Workflow workflow;
    try {
      workflow = Workflows.compile(definition, catalog);
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
  }

  private void roundTrip(WorkflowDefinition definition, String label) {
    String json = guard(label, "toJson", definition, () -> Workflows.toJson(definition));
    WorkflowDefinition parsed = null;
    try {
      parsed = Workflows.parse(json);
    } catch (WorkflowValidationException refused) {
      fail(label + ": toJson wrote JSON that parse refuses: " + refused.getMessage() + "\n" + json);
    } catch (Throwable unexpected) {
      fail(label + ": parse threw " + unexpected + "\n" + json + trace(unexpected), unexpected);
    }
    if (!parsed.equals(definition)) {
      fail(label + ": the round trip changed\n" + json + "\ninto\n" + Workflows.toJson(parsed));
    }
  }

  /** Parsing damaged JSON may only fail with a validation exception. */
  private void garbledJson(
      WorkflowDefinition definition, Catalog catalog, Random random, String label) {
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
    WorkflowDefinition parsed;
    try {
      parsed = Workflows.parse(text);
    } catch (WorkflowValidationException refused) {
      tally("json garbled and refused");
      if (refused.problems().isEmpty()) {
        fail(label + ": a validation exception without problems for\n" + text);
      }
      return;
    } catch (Throwable unexpected) {
      fail(
          label + ": parse of garbled JSON threw " + unexpected + "\n" + text + trace(unexpected),
          unexpected);
      return;
    }
    tally("json garbled and still read");
    compile(parsed, catalog, label + " (garbled JSON)");
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
}
