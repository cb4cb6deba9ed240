package dev.workflowengine.ollama;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a thinking model thinks before it answers, sent as Ollama's {@code think}: a boolean, or
 * a level for models that support levels. Ollama documents {@code low}, {@code medium}, {@code
 * high} and {@code max}; level names are model-defined, so {@link #level(String)} takes any name
 * that {@code /api/show} lists. Leaving {@code think} unset lets the model decide. Immutable.
 *
 * <pre>{@code
 * ChatRequest.builder("qwen3").message(ChatMessage.user("Why?")).think(Think.ENABLED).build();
 * ChatRequest.builder("gpt-oss").message(ChatMessage.user("Why?")).think(Think.HIGH).build();
 * }</pre>
 *
 * @param enabled whether thinking is on; {@code true} whenever a level is given
 * @param level the level, sent instead of {@code true}
 */
public record Think(boolean enabled, Optional<String> level) {

  /** Thinking on: {@code "think": true}. */
  public static final Think ENABLED = new Think(true, Optional.empty());

  /** Thinking off: {@code "think": false}. */
  public static final Think DISABLED = new Think(false, Optional.empty());

  /** {@code "think": "low"}. */
  public static final Think LOW = level("low");

  /** {@code "think": "medium"}. */
  public static final Think MEDIUM = level("medium");

  /** {@code "think": "high"}. */
  public static final Think HIGH = level("high");

  /** {@code "think": "max"}, the highest level where a model has it. */
  public static final Think MAX = level("max");

  /** Validates the components. */
  public Think {
    level = Objects.requireNonNullElse(level, Optional.empty());
    level.ifPresent(
        name -> {
          if (!enabled) {
            throw new IllegalArgumentException(
                "think level '" + name + "' given with thinking disabled; a level implies enabled");
          }
          if (name.isBlank() || !name.strip().equals(name)) {
            throw new IllegalArgumentException(
                "think level '"
                    + name
                    + "' must be a name without surrounding blanks, like 'high'");
          }
        });
  }

  /**
   * Thinking at a named level.
   *
   * @param name a level the model supports, such as {@code high}
   * @return the setting
   */
  public static Think level(String name) {
    return new Think(true, Optional.of(Objects.requireNonNull(name, "name")));
  }

  /**
   * Thinking on or off.
   *
   * @param enabled whether the model should think
   * @return {@link #ENABLED} or {@link #DISABLED}
   */
  public static Think of(boolean enabled) {
    return enabled ? ENABLED : DISABLED;
  }
}
