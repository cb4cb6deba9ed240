package dev.workflowengine.samples;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.Workflows;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A workflow from a JSON definition: classify a support ticket with structured output, escalate
 * urgent ones to a person (CEL condition on the edge), draft a reply and send it through a tool.
 * The definition is {@code ticket-triage.json} next to this class.
 */
public final class TicketTriageSample {

  private TicketTriageSample() {}

  /**
   * Runs the sample on its own.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (SampleModels models = SampleModels.fromEnvironment(System.out)) {
      models.announce(System.out);
      run(System.out, models);
    }
  }

  static RunResult run(PrintStream out, SampleModels models) {
    ChatModel model =
        models.chat(
            "scripted-support",
            prompt ->
                prompt.startsWith("Classify")
                    ? "{\"category\": \"billing\", \"urgency\": \"high\"}"
                    : "Hello Ada, we are sorry you were charged twice. The duplicate charge is being"
                        + " refunded and will reach your card within 3 days.");
    Catalog catalog = Catalog.builder().defaultModel(model).tool(sendReply()).build();

    WorkflowDefinition definition = Workflows.parse(resource("ticket-triage.json"));
    Workflow workflow = Workflows.compile(definition, catalog);

    out.println("\n== 2. A workflow compiled from JSON: " + workflow.id());
    out.println(workflow.toMermaid());
    RunResult result =
        workflow.invoke(
            Map.of(
                "ticket", "I was charged twice for my order #1182!",
                "customer", "ada@example.com"));
    out.println("path so far: " + String.join(" -> ", result.path()));
    out.println("waiting:     " + result.waiting().orElseThrow().prompt());
    out.println("approving (in a real application a person answers; see resume in the README)");
    RunResult finished = workflow.resume(result, Map.of("approved", true));
    out.println("path:        " + String.join(" -> ", finished.path()));
    out.println("triage:      " + finished.state().getMap("triage"));
    out.println("notes:       " + finished.state().getList("notes", String.class));
    out.println("reply:       " + finished.state().getString("reply"));
    out.println("receipt:     " + finished.state().getString("receipt"));
    return finished;
  }

  /** The support desk's send tool, which the samples' definitions call by name. */
  static AgentTool sendReply() {
    return AgentTool.of(
        ToolSpecification.builder()
            .name("support.send_reply")
            .description("Sends a reply to a customer by e-mail")
            .parameters(
                JsonObjectSchema.builder()
                    .addStringProperty("to")
                    .addStringProperty("body")
                    .required("to", "body")
                    .build())
            .build(),
        arguments -> "sent to " + arguments.get("to"));
  }

  private static String resource(String name) {
    try (InputStream in = TicketTriageSample.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the samples jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
