package dev.workflowengine.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflows;
import dev.workflowengine.core.engine.GeneratedExecution;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.core.generate.GeneratedWorkflow;
import dev.workflowengine.core.generate.WorkflowGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A sentence in, a workflow out: the model writes a definition that uses only what the catalog has,
 * the compiler checks it (and sends its problems back for another attempt when it does not
 * compile), the engine stores it as the user's and runs it.
 *
 * <pre>
 * mvn -q -pl samples -am compile exec:java -Dsample.main=dev.workflowengine.samples.GenerateAndExecuteSample \
 *     -Dexec.args="Classify a support ticket, draft a kind reply and send it"
 * </pre>
 */
public final class GenerateAndExecuteSample {

  static final String SENTENCE =
      "Classify a support ticket, draft a kind reply and send it to the customer.";

  private GenerateAndExecuteSample() {}

  /**
   * Runs the sample on its own.
   *
   * @param args the sentence to generate a workflow from, or none for the default one
   */
  public static void main(String[] args) {
    String sentence = args.length == 0 ? SENTENCE : String.join(" ", args);
    try (SampleModels models = SampleModels.fromEnvironment(System.out)) {
      models.announce(System.out);
      run(System.out, models, sentence);
    }
  }

  static ExecutionRecord run(PrintStream out, SampleModels models, String sentence) {
    ChatModel model = models.chat("scripted-generator", prompt -> scriptedAnswer(sentence, prompt));
    Catalog catalog =
        Catalog.builder().defaultModel(model).tool(TicketTriageSample.sendReply()).build();
    WorkflowGenerator generator = new WorkflowGenerator(model, catalog);

    out.println("\n== 5. Generate and execute from a sentence: \"" + sentence + "\"");
    try (WorkflowEngine engine = WorkflowEngine.builder().catalog(catalog).workers(2).build()) {
      GeneratedExecution run =
          engine.generateAndStart(
              generator,
              sentence,
              "demo",
              Map.of(
                  "ticket", "My invoice shows the annual plan but I chose monthly.",
                  "customer", "ada@example.com"));
      GeneratedWorkflow generated = run.generated();
      out.println(
          "   generated '"
              + generated.definition().id()
              + "' in "
              + generated.attempts().size()
              + " attempt(s) by "
              + generated.model()
              + "; stored as version "
              + run.stored().version()
              + " of user 'demo'");
      out.println(Workflows.compile(generated.definition(), catalog).toMermaid());
      ExecutionRecord record = run.handle().await(Duration.ofMinutes(5));
      out.println("   status: " + record.status());
      record.output().forEach((key, value) -> out.println("   " + key + ": " + value));
      return record;
    }
  }

  /**
   * What the scripted model says: the definition when asked for one, then answers to the generated
   * workflow's own prompts.
   */
  private static String scriptedAnswer(String sentence, String prompt) {
    if (prompt.contains(sentence)) {
      return definition();
    }
    if (prompt.startsWith("Classify")) {
      return "{\"category\": \"billing\", \"urgency\": \"normal\"}";
    }
    return "Hello, thank you for telling us. We have switched your plan to monthly and refunded"
        + " the difference.";
  }

  private static String definition() {
    try (InputStream in =
        GenerateAndExecuteSample.class.getResourceAsStream("generated-reply.json")) {
      if (in == null) {
        throw new IllegalStateException("generated-reply.json is missing from the samples jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
