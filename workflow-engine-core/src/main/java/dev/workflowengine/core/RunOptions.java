package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.spi.CheckpointStore;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * How to run a workflow: under which id, checkpointed where, heard by whom, cancelled when.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.builder()
 *     .runId(executionId)
 *     .checkpointStore(store)
 *     .listener(myListener)
 *     .cancelWhen(cancelled::get)
 *     .build();
 * RunResult result = workflow.invoke(input, options);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param runId identifies the run in listener calls and checkpoints
 * @param checkpointStore where each step's update is checkpointed before the next step starts
 * @param listener hears node events
 * @param cancelWhen asked before every node; once it returns {@code true}, no further node starts
 *     and the run ends {@link RunResult.Status#CANCELLED}
 * @param pauseWhen asked before every node; once it returns {@code true}, no further node starts
 *     and the run ends {@link RunResult.Status#PAUSED}, to be continued later from its position
 * @param maxNodes the most steps this invocation runs before it pauses; 0 for no limit
 * @param userId the user the run acts for, which nodes read from {@link NodeContext#userId()}: an
 *     engine sets the execution's owner, so that tools act with that user's credentials
 */
public record RunOptions(
    String runId,
    Optional<CheckpointStore> checkpointStore,
    RunListener listener,
    BooleanSupplier cancelWhen,
    BooleanSupplier pauseWhen,
    int maxNodes,
    Optional<String> userId) {

  /** Validates the components. */
  public RunOptions {
    requireNonNull(runId, "runId");
    checkpointStore = checkpointStore == null ? Optional.empty() : checkpointStore;
    requireNonNull(listener, "listener");
    requireNonNull(cancelWhen, "cancelWhen");
    requireNonNull(pauseWhen, "pauseWhen");
    if (maxNodes < 0) {
      throw new IllegalArgumentException("maxNodes must be >= 0 but was " + maxNodes);
    }
    userId = userId == null ? Optional.empty() : userId;
  }

  /**
   * Options with a random run id and nothing else.
   *
   * @return the options
   */
  public static RunOptions defaults() {
    return builder().build();
  }

  /**
   * A builder with a random run id, no checkpoints, no listener and no cancellation.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RunOptions}. Not thread-safe. */
  public static final class Builder {
    private String runId;
    private CheckpointStore checkpointStore;
    private RunListener listener = RunListener.NONE;
    private BooleanSupplier cancelWhen = () -> false;
    private BooleanSupplier pauseWhen = () -> false;
    private int maxNodes;
    private String userId;

    private Builder() {}

    /**
     * Names the run; an engine uses the execution id.
     *
     * @param id the run id
     * @return this builder
     */
    public Builder runId(String id) {
      this.runId = requireNonNull(id, "id");
      return this;
    }

    /**
     * Checkpoints every step into a store, so the run can be recovered with {@link
     * Workflow#restore(String, CheckpointStore)}.
     *
     * @param store the store
     * @return this builder
     */
    public Builder checkpointStore(CheckpointStore store) {
      this.checkpointStore = requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets who hears node events.
     *
     * @param runListener the listener
     * @return this builder
     */
    public Builder listener(RunListener runListener) {
      this.listener = requireNonNull(runListener, "runListener");
      return this;
    }

    /**
     * Sets the cancellation signal, asked before every node.
     *
     * @param signal returns {@code true} once the run should stop
     * @return this builder
     */
    public Builder cancelWhen(BooleanSupplier signal) {
      this.cancelWhen = requireNonNull(signal, "signal");
      return this;
    }

    /**
     * Sets the pause signal, asked before every node; an engine uses it to stop at a node boundary
     * when it shuts down.
     *
     * @param signal returns {@code true} once the run should pause
     * @return this builder
     */
    public Builder pauseWhen(BooleanSupplier signal) {
      this.pauseWhen = requireNonNull(signal, "signal");
      return this;
    }

    /**
     * Pauses the run after this many steps (a fan-out counts as one).
     *
     * @param steps at least 1
     * @return this builder
     */
    public Builder maxNodes(int steps) {
      if (steps < 1) {
        throw new IllegalArgumentException("maxNodes must be >= 1 but was " + steps);
      }
      this.maxNodes = steps;
      return this;
    }

    /**
     * Names the user the run acts for; nodes read it from {@link NodeContext#userId()}.
     *
     * @param user the user id
     * @return this builder
     */
    public Builder userId(String user) {
      this.userId = requireNonNull(user, "user");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public RunOptions build() {
      return new RunOptions(
          runId == null ? UUID.randomUUID().toString() : runId,
          Optional.ofNullable(checkpointStore),
          listener,
          cancelWhen,
          pauseWhen,
          maxNodes,
          Optional.ofNullable(userId));
    }
  }
}
