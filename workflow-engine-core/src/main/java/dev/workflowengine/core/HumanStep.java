package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A step where the workflow waits for a person: it pauses with a prompt, and continues when someone
 * resumes it with input, which becomes the step's update to the state.
 *
 * <pre>{@code
 * HumanStep approval = HumanStep.builder()
 *     .prompt(state -> "Send this reply?\n" + state.getString("draft"))
 *     .requireInput("approved", Boolean.class)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HumanStep {

  private final Function<WorkflowState, String> prompt;
  private final Map<String, Class<?>> requiredInput;

  private HumanStep(Builder builder) {
    this.prompt = builder.prompt;
    this.requiredInput = Collections.unmodifiableMap(new LinkedHashMap<>(builder.requiredInput));
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
     * Builds the step.
     *
     * @return the step
     */
    public HumanStep build() {
      return new HumanStep(this);
    }
  }
}
