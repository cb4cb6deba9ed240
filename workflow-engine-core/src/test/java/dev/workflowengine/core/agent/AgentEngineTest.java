package dev.workflowengine.core.agent;

import static dev.workflowengine.core.agent.FakeModels.call;
import static dev.workflowengine.core.agent.FakeModels.calls;
import static dev.workflowengine.core.agent.FakeModels.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.Token;
import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.ExecutionHandle;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Agents inside a running engine: their tool calls and streamed tokens become events. */
class AgentEngineTest {

  private final WorkflowEngine engine = WorkflowEngine.builder().workers(1).build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static Workflow single(String id, Agent agent) {
    return Workflow.builder(id)
        .node("agent", agent)
        .start("agent")
        .edge("agent", Workflow.END)
        .build();
  }

  private List<WorkflowEvent> run(String workflowId) throws Exception {
    ExecutionHandle handle =
        engine.start(StartRequest.of(workflowId, Map.of("input", "go")).user("u1"));
    List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    handle
        .events()
        .subscribe(
            new Flow.Subscriber<>() {
              @Override
              public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(WorkflowEvent item) {
                events.add(item);
              }

              @Override
              public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
              }

              @Override
              public void onComplete() {
                done.complete(null);
              }
            });
    done.get(20, TimeUnit.SECONDS);
    return events;
  }

  @Test
  void eachToolCallIsRecordedInTheNodeCompletedDetailsAndToolsSeeTheIdempotencyKey()
      throws Exception {
    List<String> keysSeen = new CopyOnWriteArrayList<>();
    AgentTool lookup =
        AgentTool.of(
            ToolSpecification.builder()
                .name("lookup")
                .description("looks up")
                .parameters(JsonObjectSchema.builder().addStringProperty("id").build())
                .build(),
            arguments -> {
              keysSeen.add(NodeContext.current().orElseThrow().idempotencyKey());
              if ("bad".equals(arguments.get("id"))) {
                throw new IllegalArgumentException("no such id");
              }
              return List.of(arguments.get("id"), true);
            });
    var model =
        new FakeModels.Scripted(
            calls(call("1", "lookup", "{\"id\":\"a\"}"), call("2", "lookup", "{\"id\":\"bad\"}")),
            text("found a"));
    engine.register(single("tools", Agent.builder("finder").model(model).tool(lookup).build()));

    List<WorkflowEvent> events = run("tools");

    NodeCompleted completed =
        events.stream()
            .filter(NodeCompleted.class::isInstance)
            .map(NodeCompleted.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(completed.update()).containsEntry("finder", "found a");
    assertThat(completed.details()).containsOnlyKeys("tool_calls");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> toolCalls =
        (List<Map<String, Object>>) completed.details().get("tool_calls");
    assertThat(toolCalls).hasSize(2);
    assertThat(toolCalls.get(0))
        .containsEntry("name", "lookup")
        .containsEntry("arguments", "{\"id\":\"a\"}")
        .containsEntry("result", "[\"a\",true]")
        .containsKey("duration_ms")
        .doesNotContainKey("error");
    assertThat(toolCalls.get(1))
        .containsEntry("error", "IllegalArgumentException: no such id")
        .doesNotContainKey("result");
    String executionId = completed.executionId();
    assertThat(keysSeen).containsOnly(executionId + ":agent:1").hasSize(2);
  }

  @Test
  void aStreamingModelsTextBecomesTokenEventsInOrderEndingWithAFinalOne() throws Exception {
    var script = new FakeModels.Scripted(text("Hello there, Ada"));
    Agent agent =
        Agent.builder("writer")
            .model(script)
            .streamingModel(new FakeModels.Streaming(script))
            .build();
    engine.register(single("stream", agent));

    List<WorkflowEvent> events = run("stream");

    assertThat(events)
        .extracting(WorkflowEvent::type)
        .containsExactly(
            "workflow_started",
            "node_started",
            "token",
            "token",
            "token",
            "token",
            "node_completed",
            "workflow_completed");
    List<Token> tokens = events.subList(2, 6).stream().map(Token.class::cast).toList();
    assertThat(tokens).extracting(Token::chunkId).containsExactly(0, 1, 2, 3);
    assertThat(tokens).extracting(Token::chunk).containsExactly("Hello ", "there, ", "Ada", "");
    assertThat(tokens).extracting(Token::isFinal).containsExactly(false, false, false, true);
    assertThat(tokens.get(3).metadata()).contains(new TokenMetadata("fake-model", 12, "stop"));
    assertThat(((NodeCompleted) events.get(6)).update())
        .containsEntry("writer", "Hello there, Ada");
  }
}
