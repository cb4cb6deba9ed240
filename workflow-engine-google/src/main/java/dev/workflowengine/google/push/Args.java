package dev.workflowengine.google.push;

import static java.util.Objects.requireNonNull;

/** Argument checks shared by the records and builders of this package. */
final class Args {

  private Args() {}

  /** The value, if it is neither null (NPE) nor blank (IAE); the name says which argument. */
  static String requireText(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
