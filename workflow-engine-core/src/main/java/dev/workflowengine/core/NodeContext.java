package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.api.event.TokenSink;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a running node may know about its run: which run, which attempt, and a key that stays the
 * same if the very same attempt is repeated after a crash. Tools and models use the {@link
 * #idempotencyKey()} to avoid doing something twice (sending the same e-mail, charging twice);
 * streaming models send their chunks through {@link #token} so that they reach subscribers as live
 * {@code token} events; as a {@link TokenSink} the context can be handed to modules that do not
 * know core, such as the Ollama client's token bridge.
 *
 * <pre>{@code
 * NodeAction send = state -> {
 *   String key = NodeContext.current().map(NodeContext::idempotencyKey).orElseThrow();
 *   return Map.of("receipt", mailer.send(state.getString("reply"), key));
 * };
 * }</pre>
 *
 * <p>Available on the thread running the node, for the duration of one attempt. A node that hands
 * work to other threads passes the context along with {@link #bind}. Thread-safe, so that such
 * helpers may use it at once; chunks sent from several threads at once are numbered in the order
 * they arrive.
 */
public final class NodeContext implements TokenSink {

  private static final ThreadLocal<NodeContext> CURRENT = new ThreadLocal<>();

  private final String runId;
  private final String workflowId;
  private final String nodeId;
  private final int attempt;
  private final Optional<String> userId;
  private final RunListener listener;
  private final AtomicInteger nextChunk = new AtomicInteger();
  private final Map<String, Object> details = new LinkedHashMap<>();

  NodeContext(
      String runId,
      String workflowId,
      String nodeId,
      int attempt,
      Optional<String> userId,
      RunListener listener) {
    this.runId = runId;
    this.workflowId = workflowId;
    this.nodeId = nodeId;
    this.attempt = attempt;
    this.userId = userId;
    this.listener = listener;
  }

  /**
   * The context of the node running on this thread.
   *
   * @return the context, empty outside a node
   */
  public static Optional<NodeContext> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs an attempt with this context as the current one, restoring the previous afterwards. */
  <T> T run(ThrowingSupplier<T> attemptBody) throws Exception {
    NodeContext previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return attemptBody.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /**
   * Wraps work so that it sees this context as {@link #current()} on whichever thread runs it: how
   * a node that runs work on other threads (an agent running tool calls at once) passes its context
   * along.
   *
   * @param work the work
   * @param <T> what it returns
   * @return the work, run with this context as the current one
   */
  public <T> Callable<T> bind(Callable<T> work) {
    requireNonNull(work, "work");
    return () -> run(work::call);
  }

  /**
   * Records a detail of this attempt for the node's completion event ({@code details} of {@code
   * node_completed}), such as the tool calls an agent made. Only the successful attempt's details
   * are published; a later value for the same key replaces the earlier one.
   *
   * @param key the detail's name
   * @param value an immutable or JSON-serialisable value
   */
  public void detail(String key, Object value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    synchronized (details) {
      details.put(key, value);
    }
  }

  /** The details recorded so far, in the order first recorded. */
  Map<String, Object> details() {
    synchronized (details) {
      return details.isEmpty() ? Map.of() : new LinkedHashMap<>(details);
    }
  }

  /**
   * The run, which an engine calls the execution.
   *
   * @return the run id
   */
  public String runId() {
    return runId;
  }

  /**
   * The workflow.
   *
   * @return the workflow id
   */
  public String workflowId() {
    return workflowId;
  }

  /**
   * The node.
   *
   * @return the node id
   */
  public String nodeId() {
    return nodeId;
  }

  /**
   * The attempt, from 1; retries by the node's policy count up.
   *
   * @return the attempt number
   */
  public int attempt() {
    return attempt;
  }

  /**
   * The user the run acts for: an engine's execution owner, or whoever {@link
   * RunOptions.Builder#userId} named. Tools that act on a user's own accounts (a calendar, a
   * mailbox) use it to pick that user's credentials.
   *
   * @return the user id, empty when the run was started without one
   */
  public Optional<String> userId() {
    return userId;
  }

  /**
   * The user the node running on this thread acts for, for code that must act as some user (tools
   * on a user's own calendar or mailbox) and has no other way to know which.
   *
   * @param who what needs the user, for the message, such as {@code "the Google Calendar tools"}
   * @return the user id
   * @throws IllegalStateException outside a node, or in a run started without a user
   */
  public static String requireUserId(String who) {
    requireNonNull(who, "who");
    return current()
        .flatMap(NodeContext::userId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    who
                        + " act for the user a workflow run acts for, but this call is outside a"
                        + " run or the run was started without a user; start it with one"
                        + " (StartRequest.user(id) or RunOptions.Builder.userId(id)) or bind them to"
                        + " a user"));
  }

  /**
   * {@code runId:nodeId:attempt}: the same for a repeat of this very attempt, different for a retry
   * or another run.
   *
   * @return the key
   */
  public String idempotencyKey() {
    return runId + ":" + nodeId + ":" + attempt;
  }

  /**
   * Sends a chunk of streamed text, numbered from 0 within this attempt.
   *
   * @param chunk the text
   */
  @Override
  public void token(String chunk) {
    listener.token(
        runId,
        nodeId,
        nextChunk.getAndIncrement(),
        requireNonNull(chunk, "chunk"),
        false,
        Optional.empty());
  }

  /**
   * Sends the last chunk of a stream with what the model said about the whole answer.
   *
   * @param chunk the text, possibly empty
   * @param metadata the model, tokens used and finish reason
   */
  @Override
  public void finalToken(String chunk, TokenMetadata metadata) {
    listener.token(
        runId,
        nodeId,
        nextChunk.getAndIncrement(),
        requireNonNull(chunk, "chunk"),
        true,
        Optional.of(requireNonNull(metadata, "metadata")));
  }

  @Override
  public String toString() {
    return "NodeContext[" + idempotencyKey() + "]";
  }

  /** An attempt's body. */
  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
