package dev.workflowengine.samples;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.event.NodeCompleted;
import dev.workflowengine.api.event.NodeStarted;
import dev.workflowengine.api.event.Token;
import dev.workflowengine.api.event.WorkflowEvent;
import dev.workflowengine.api.event.WorkflowWaiting;
import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.HumanStep;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.NodeContext;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.engine.ExecutionHandle;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.ollama.OllamaTokens;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * The engine at work: an execution's events printed live as they happen (including the tokens a
 * model streams), a pause for a person's approval, and the rest after it is given.
 */
public final class LiveEventsSample {

  /** What the scripted model answers when no Ollama runs. */
  static final String SCRIPTED_REPLY =
      "Dear Ada, the duplicate charge of order #1182 is refunded today.";

  private LiveEventsSample() {}

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

  static ExecutionRecord run(PrintStream out, SampleModels models) {
    Workflow workflow = workflow(models.streaming(SCRIPTED_REPLY));
    out.println("\n== 4. Live events, a streamed answer and a human approval: " + workflow.id());
    try (WorkflowEngine engine = WorkflowEngine.builder().workers(2).build()) {
      engine.register(workflow);
      ExecutionHandle handle =
          engine.start(
              StartRequest.of(workflow.id(), Map.of("customer", "ada@example.com")).user("demo"));
      EventPrinter printer = new EventPrinter(out);
      handle.events().subscribe(printer);
      ExecutionRecord waiting = handle.await(Duration.ofSeconds(30));
      out.println("   status: " + waiting.status() + "; approving as user 'demo'");
      engine.resume(handle.executionId(), "demo", Map.of("approved", true));
      ExecutionRecord done = handle.await(Duration.ofSeconds(30));
      printer.finished.join();
      out.println(
          "   status: " + done.status() + ", output receipt: " + done.output().get("receipt"));
      return done;
    }
  }

  /**
   * Drafts a reply to {@code customer} with tokens streamed as they arrive, waits for a person's
   * {@code approved}, and sends it only if approved. The monitor application runs it too.
   */
  static Workflow workflow(StreamingChatModel writer) {
    return Workflow.builder("reply-with-approval")
        .node("draft", streamed(writer))
        .human(
            "approve",
            HumanStep.builder()
                .prompt(state -> "Send this reply? \"" + state.getString("reply") + "\"")
                .requireInput("approved", Boolean.class)
                .build())
        .node("send", state -> Map.of("receipt", "sent to " + state.getString("customer")))
        .start("draft")
        .edge("draft", "approve")
        .edge("approve", "send", state -> state.getBoolean("approved"))
        .edge("approve", Workflow.END)
        .edge("send", Workflow.END)
        .build();
  }

  /** Streams the model's answer as token events while it arrives. */
  private static NodeAction streamed(StreamingChatModel model) {
    return state -> {
      ChatRequest request =
          ChatRequest.builder()
              .messages(
                  UserMessage.from(
                      "Write a one-sentence reply to "
                          + state.getString("customer")
                          + ", whose order #1182 was charged twice; the duplicate is refunded"
                          + " today."))
              .build();
      // Each chunk becomes a token event of this node as it arrives; the last one carries the
      // model, the tokens used and the finish reason.
      ChatResponse answer =
          OllamaTokens.stream(model, request, NodeContext.current().orElseThrow());
      return Map.of("reply", answer.aiMessage().text());
    };
  }

  /** Prints each event on one line as it arrives; tokens are joined on their node's line. */
  private static final class EventPrinter implements Flow.Subscriber<WorkflowEvent> {
    private final PrintStream out;
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    private boolean streaming;

    EventPrinter(PrintStream out) {
      this.out = out;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(WorkflowEvent event) {
      if (event instanceof Token token) {
        if (!streaming) {
          out.print("   tokens: ");
          streaming = true;
        }
        out.print(token.chunk());
        if (token.isFinal()) {
          out.println(
              " [" + token.metadata().map(m -> m.tokensUsed() + " tokens").orElse("") + "]");
          streaming = false;
        }
        return;
      }
      out.println("   #" + event.sequence() + " " + event.type() + detail(event));
    }

    private static String detail(WorkflowEvent event) {
      if (event instanceof NodeStarted started) {
        return " " + started.nodeId();
      }
      if (event instanceof NodeCompleted completed) {
        return " " + completed.nodeId() + " wrote " + completed.update().keySet();
      }
      if (event instanceof WorkflowWaiting waiting) {
        return " at " + waiting.nodeId() + ": " + waiting.prompt();
      }
      return "";
    }

    @Override
    public void onError(Throwable failure) {
      finished.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      finished.complete(null);
    }
  }
}
