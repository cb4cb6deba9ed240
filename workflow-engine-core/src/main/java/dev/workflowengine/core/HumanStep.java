package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.WorkflowStateException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A step where the workflow waits for a person: it pauses with a prompt, and continues when someone
 * resumes it with input, which becomes the step's update to the state.
 *
 * <pre>{@code
 * HumanStep approval = HumanStep.builder()
 *     .prompt(state -> "Send this reply?\n" + state.getString("draft"))
 *     .requireInput("approved", Boolean.class)
 *     .timeout(Duration.ofHours(24), Map.of("approved", false))
 *     .build();
 * }</pre>
 *
 * <p>A wait may time out: without an answer the execution then fails, with one it continues as if a
 * person had given that answer, so the workflow's edges route it. Timeouts are enforced by the
 * engine; an in-memory {@link Workflow#invoke} run just stops at the step.
 *
 * <p>Immutable and thread-safe.
 */
public final class HumanStep {

  private final Function<WorkflowState, String> prompt;
  private final Map<String, Class<?>> requiredInput;
  private final Duration timeout;
  private final Map<String, Object> timeoutAnswer;

  private HumanStep(Builder builder) {
    this.prompt = builder.prompt;
    this.requiredInput = Collections.unmodifiableMap(new LinkedHashMap<>(builder.requiredInput));
    this.timeout = builder.timeout;
    this.timeoutAnswer =
        builder.timeoutAnswer == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(builder.timeoutAnswer));
  }

  /**
   * A step with a fixed prompt and no required input.
   *
   * @param text what the person is asked
   * @return the step
   */
  public static HumanStep prompt(String text) {
    return builder().prompt(text).build();
  }

  /**
   * A builder for a step asking "Please review and continue." until told otherwise.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The prompt for a state.
   *
   * @param state the state when the workflow pauses
   * @return what the person is asked
   */
  public String promptFor(WorkflowState state) {
    return prompt.apply(state);
  }

  /**
   * How long a person has to answer.
   *
   * @return the limit, if the wait times out
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The answer given in the person's place when the wait times out.
   *
   * @return the answer; empty when a timeout fails the execution instead
   */
  public Optional<Map<String, Object>> timeoutAnswer() {
    return Optional.ofNullable(timeoutAnswer);
  }

  /**
   * The keys the resume input must contain, with their types.
   *
   * @return the keys and types, read-only, in declaration order
   */
  public Map<String, Class<?>> requiredInput() {
    return requiredInput;
  }

  /** Builds a {@link HumanStep}. Not thread-safe. */
  public static final class Builder {
    private Function<WorkflowState, String> prompt = state -> "Please review and continue.";
    private final Map<String, Class<?>> requiredInput = new LinkedHashMap<>();
    private Duration timeout;
    private Map<String, Object> timeoutAnswer;

    private Builder() {}

    /**
     * Sets a fixed prompt.
     *
     * @param text what the person is asked
     * @return this builder
     */
    public Builder prompt(String text) {
      requireNonNull(text, "text");
      this.prompt = state -> text;
      return this;
    }

    /**
     * Sets a prompt computed from the state when the workflow pauses.
     *
     * @param promptFunction computes what the person is asked
     * @return this builder
     */
    public Builder prompt(Function<WorkflowState, String> promptFunction) {
      this.prompt = requireNonNull(promptFunction, "promptFunction");
      return this;
    }

    /**
     * Requires the resume input to contain a key of a type; input without it is refused before
     * anything changes.
     *
     * @param key the key
     * @param type its type, such as {@code Boolean.class} or {@code String.class}
     * @return this builder
     */
    public Builder requireInput(String key, Class<?> type) {
      requiredInput.put(requireNonNull(key, "key"), requireNonNull(type, "type"));
      return this;
    }

    /**
     * Fails the execution when nobody answers within {@code limit}.
     *
     * @param limit how long to wait; positive
     * @return this builder
     */
    public Builder timeout(Duration limit) {
      this.timeout = positive(limit);
      this.timeoutAnswer = null;
      return this;
    }

    /**
     * Answers in the person's place when nobody does within {@code limit}; the answer must hold
     * every required input.
     *
     * @param limit how long to wait; positive
     * @param answer the input given on timeout
     * @return this builder
     */
    public Builder timeout(Duration limit, Map<String, ?> answer) {
      this.timeout = positive(limit);
      this.timeoutAnswer = new LinkedHashMap<>(requireNonNull(answer, "answer"));
      return this;
    }

    private static Duration positive(Duration limit) {
      requireNonNull(limit, "limit");
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException(
            "a human step's timeout must be positive but was " + limit);
      }
      return limit;
    }

    /**
     * Builds the step.
     *
     * @return the step
     * @throws IllegalArgumentException if the timeout answer lacks a required input or has the
     *     wrong type for one
     */
    public HumanStep build() {
      if (timeoutAnswer != null) {
        requiredInput.forEach(this::checkTimeoutAnswer);
      }
      return new HumanStep(this);
    }

    private void checkTimeoutAnswer(String key, Class<?> type) {
      Object value = timeoutAnswer.get(key);
      if (value == null) {
        throw new IllegalArgumentException(
            "the timeout answer lacks required input '" + key + "'; add it to the answer");
      }
      try {
        timeoutAnswer.put(key, StateValues.convert(key, value, type));
      } catch (WorkflowStateException wrongType) {
        throw new IllegalArgumentException(
            "the timeout answer's '"
                + key
                + "' must be "
                + StateValues.withArticle(type.getSimpleName()));
      }
    }
  }
}
