package dev.workflowengine.ollama;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the builders, so every one words its failures the same way. */
final class Checks {

  private Checks() {}

  static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Model names look like {@code llama3.2}, {@code namespace/model:tag} or a registry path. */
  static String requireModel(String model, String name) {
    requireText(model, name);
    for (int i = 0; i < model.length(); i++) {
      if (Character.isWhitespace(model.charAt(i)) || Character.isISOControl(model.charAt(i))) {
        throw new IllegalArgumentException(
            name
                + " '"
                + model
                + "' contains whitespace; model names look like 'llama3.2' or 'library/llama3.2:3b'");
      }
    }
    return model;
  }

  static Duration requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + duration);
    }
    return duration;
  }

  static double requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number but was " + value);
    }
    return value;
  }

  /**
   * An immutable copy that names the index of a null element instead of a bare NPE. A list that is
   * already immutable is returned as it is, which keeps parsing allocation-free for empty lists.
   */
  static <T> List<T> copyList(List<? extends T> list, String name) {
    Objects.requireNonNull(list, name);
    if (list instanceof IntList) {
      @SuppressWarnings("unchecked")
      List<T> immutable = (List<T>) list;
      return immutable;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new NullPointerException(name + "[" + i + "] is null");
      }
    }
    return List.copyOf(list);
  }

  /** Normalises a record component that callers may leave {@code null} to an empty list. */
  static <T> List<T> listOrEmpty(List<T> list, String name) {
    return list == null || list.isEmpty() ? List.of() : copyList(list, name);
  }
}
