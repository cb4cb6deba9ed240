package dev.workflowengine.spring.web;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.UnavailableException;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.Workflow;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the HTTP tests run: the auto-configuration alone (no component scan, so other
 * tests' configurations stay out), two workflows in code and a chat model that writes one fixed
 * definition or, when switched off, fails as an unreachable Ollama does.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WebTestApplication {

  /** What the model answers to any generation request: a one-node transform workflow. */
  static final String GENERATED =
      """
      {"id": "generated", "name": "Generated", "startNode": "greet",
       "nodes": [{"id": "greet", "type": "transform",
                  "config": {"set": {"greeting": "'Hello, ' + state.name"}}}],
       "edges": [{"from": "greet", "to": "__end__"}]}
      """;

  @Bean
  Workflow greet() {
    return Workflow.builder("greet")
        .node("hello", state -> Map.of("greeting", "hello " + state.getString("name")))
        .edge(Workflow.START, "hello")
        .edge("hello", Workflow.END)
        .build();
  }

  @Bean
  Workflow approval() {
    return Workflow.builder("approval")
        .node("draft", state -> Map.of("text", "a draft"))
        .human(
            "approve",
            HumanStep.builder().prompt("Send it?").requireInput("approved", Boolean.class).build())
        .node("send", state -> Map.of("sent", state.getBoolean("approved")))
        .edge(Workflow.START, "draft")
        .edge("draft", "approve")
        .edge("approve", "send")
        .edge("send", Workflow.END)
        .build();
  }

  /**
   * An endpoint of the application's own under the same base path; a member class, so registered.
   */
  @RestController
  static final class HostController {
    @GetMapping("/api/v1/host/ping")
    String ping() {
      return "pong";
    }
  }

  @Bean
  SwitchableModel model() {
    return new SwitchableModel();
  }

  /** Writes {@link #GENERATED}, or throws {@link UnavailableException} while switched off. */
  static final class SwitchableModel implements ChatModel {
    final AtomicBoolean available = new AtomicBoolean(true);

    @Override
    public ChatResponse doChat(ChatRequest request) {
      if (!available.get()) {
        throw new UnavailableException("Ollama at http://localhost:11434 is not reachable");
      }
      return ChatResponse.builder().aiMessage(AiMessage.from(GENERATED)).build();
    }
  }
}
