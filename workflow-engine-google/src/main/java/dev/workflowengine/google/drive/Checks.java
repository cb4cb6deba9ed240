package dev.workflowengine.google.drive;

import static java.util.Objects.requireNonNull;

/** Argument checks shared by the Drive builders. */
final class Checks {

  private Checks() {}

  /** The value, when it is neither null (NPE) nor blank (IAE); both name the argument. */
  static String requireText(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank; give a non-blank value");
    }
    return value;
  }
}
