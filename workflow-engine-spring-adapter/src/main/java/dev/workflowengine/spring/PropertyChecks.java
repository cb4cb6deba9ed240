package dev.workflowengine.spring;

import java.time.Duration;

/**
 * Checks for the properties records. Each failure names the property by its full name, because
 * Spring Boot reports a record that cannot be built as a failed bind of the whole prefix, and an
 * operator reading the start-up error must see which line of the configuration to fix.
 */
final class PropertyChecks {

  private PropertyChecks() {}

  /**
   * Checks that a number is at least a minimum.
   *
   * @param value the bound value
   * @param min the smallest allowed value
   * @param property the property's full name, such as {@code workflow-engine.engine.workers}
   * @return the value
   * @throws IllegalArgumentException naming the property, if the value is smaller
   */
  static int atLeast(int value, int min, String property) {
    if (value < min) {
      throw new IllegalArgumentException(
          property + " must be at least " + min + " but was " + value);
    }
    return value;
  }

  /**
   * Checks that a number lies within a range.
   *
   * @param value the bound value
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @param property the property's full name
   * @return the value
   * @throws IllegalArgumentException naming the property, if the value is outside the range
   */
  static int between(int value, int min, int max, String property) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          property + " must be from " + min + " to " + max + " but was " + value);
    }
    return value;
  }

  /**
   * Checks that a duration is set and positive.
   *
   * @param value the bound value
   * @param property the property's full name
   * @return the value
   * @throws IllegalArgumentException naming the property, if the value is missing, zero or negative
   */
  static Duration positive(Duration value, String property) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          property + " must be a positive duration, such as 30s, but was " + value);
    }
    return value;
  }

  /**
   * Checks that a text is set and not blank.
   *
   * @param value the bound value
   * @param property the property's full name
   * @return the value
   * @throws IllegalArgumentException naming the property, if the value is missing or blank
   */
  static String text(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(property + " must not be blank");
    }
    return value;
  }
}
