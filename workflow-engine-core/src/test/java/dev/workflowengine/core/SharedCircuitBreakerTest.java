package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.UnavailableException;
import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodePolicy;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedCircuitBreakerTest {

  private static final NodePolicy BREAKER =
      NodePolicy.builder().circuitBreaker(2, Duration.ofMinutes(5)).build();

  private final AtomicInteger calls = new AtomicInteger();
  private final NodeAction failing =
      state -> {
        calls.incrementAndGet();
        throw new java.io.IOException("model server down");
      };

  private Workflow caller(String id, String resource) {
    return Workflow.builder(id)
        .node("ask", failing)
        .start("ask")
        .edge("ask", Workflow.END)
        .policy("ask", BREAKER)
        .resource("ask", resource)
        .build();
  }

  @Test
  void nodesNamingTheSameResourceShareOneBreakerAcrossWorkflows() {
    String model = "model:" + UUID.randomUUID();
    Workflow first = caller("first", model);
    Workflow second = caller("second", model);

    assertThatThrownBy(() -> first.invoke(Map.of())).isInstanceOf(WorkflowExecutionException.class);
    assertThatThrownBy(() -> first.invoke(Map.of())).isInstanceOf(WorkflowExecutionException.class);

    assertThatThrownBy(() -> second.invoke(Map.of()))
        .isInstanceOf(WorkflowExecutionException.class)
        .hasCauseInstanceOf(UnavailableException.class);
    assertThat(calls).hasValue(2);
  }

  @Test
  void otherResourcesKeepTheirOwnBreaker() {
    Workflow first = caller("first", "tool:" + UUID.randomUUID());
    Workflow second = caller("second", "tool:" + UUID.randomUUID());

    assertThatThrownBy(() -> first.invoke(Map.of())).isInstanceOf(WorkflowExecutionException.class);
    assertThatThrownBy(() -> first.invoke(Map.of())).isInstanceOf(WorkflowExecutionException.class);

    assertThatThrownBy(() -> second.invoke(Map.of()))
        .isInstanceOf(WorkflowExecutionException.class)
        .cause()
        .isInstanceOf(java.io.IOException.class);
    assertThat(calls).hasValue(3);
  }

  @Test
  void definitionsNameTheModelTheirLlmNodesCall() {
    String model = "shared-" + UUID.randomUUID();
    Catalog catalog =
        Catalog.builder()
            .model(
                model,
                new dev.langchain4j.model.chat.ChatModel() {
                  @Override
                  public dev.langchain4j.model.chat.response.ChatResponse doChat(
                      dev.langchain4j.model.chat.request.ChatRequest request) {
                    calls.incrementAndGet();
                    throw new IllegalStateException("model server down");
                  }
                })
            .build();
    Workflow summarise = Workflows.compile(llmDefinition("summarise", model), catalog);
    Workflow classify = Workflows.compile(llmDefinition("classify", model), catalog);

    assertThatThrownBy(() -> summarise.invoke(Map.of()))
        .isInstanceOf(WorkflowExecutionException.class);
    assertThatThrownBy(() -> summarise.invoke(Map.of()))
        .isInstanceOf(WorkflowExecutionException.class);

    assertThatThrownBy(() -> classify.invoke(Map.of()))
        .hasCauseInstanceOf(UnavailableException.class);
    assertThat(calls).hasValue(2);
  }

  private static WorkflowDefinition llmDefinition(String id, String model) {
    return WorkflowDefinition.builder(id)
        .startNode("ask")
        .node(NodeDefinition.of("ask", NodeTypes.LLM, Map.of("prompt", "Hi", "model", model)))
        .edge("ask", "__end__")
        .policy("ask", BREAKER)
        .build();
  }
}
