package dev.workflowengine.core.generate;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A catalog with one of everything, and definitions written as a model would write them. */
final class GeneratorFixtures {

  static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final AgentTool LOOKUP =
      AgentTool.of(
          ToolSpecification.builder()
              .name("ticket.lookup")
              .description("Finds a customer's open tickets")
              .parameters(
                  JsonObjectSchema.builder()
                      .addStringProperty("customer")
                      .required("customer")
                      .build())
              .build(),
          arguments -> "2 open tickets for " + arguments.get("customer"));

  static final Workflow SUMMARIZE =
      Workflow.builder("summarize")
          .description("Summarises a text")
          .node("sum", state -> Map.of("summary", "short"))
          .edge(Workflow.START, "sum")
          .edge("sum", Workflow.END)
          .build();

  /** A valid answer: look the customer up, then classify with a transform. */
  static final String VALID =
      """
      {"id": "ticket-check", "startNode": "lookup",
       "nodes": [
         {"id": "lookup", "type": "tool",
          "config": {"tool": "ticket.lookup", "arguments": {"customer": "{{customer}}"},
                     "output": "tickets"}},
         {"id": "classify", "type": "transform",
          "config": {"set": {"busy": "state.tickets.startsWith('2')"}}}
       ],
       "edges": [{"from": "lookup", "to": "classify"}, {"from": "classify", "to": "__end__"}],
       "state": {"customer": {"required": true}}}
      """;

  private GeneratorFixtures() {}

  static Catalog catalog(ScriptedChatModel model) {
    return Catalog.builder()
        .defaultModel(model)
        .model("large", model)
        .tool(LOOKUP)
        .agent("greeter", state -> Map.of("greeting", "Hello"))
        .workflow(SUMMARIZE)
        .build();
  }

  static WorkflowGenerator generator(ScriptedChatModel model, Catalog catalog) {
    return WorkflowGenerator.builder(model, catalog).modelName("llama3.2").clock(CLOCK).build();
  }
}
