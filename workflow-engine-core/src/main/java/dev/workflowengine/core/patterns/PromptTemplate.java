package dev.workflowengine.core.patterns;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with {@code {{name}}} placeholders drawn from a fixed set. A pattern's builder checks a
 * prompt when it is given, so a misspelt placeholder fails at once instead of reaching the model as
 * literal text. Immutable and thread-safe.
 */
final class PromptTemplate {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private final String text;

  private PromptTemplate(String text) {
    this.text = text;
  }

  /**
   * Checks a prompt.
   *
   * @param setting the builder setting, for the message
   * @param text the prompt
   * @param allowed the placeholders it may use
   * @throws IllegalArgumentException naming an unknown placeholder and the allowed ones
   */
  static PromptTemplate of(String setting, String text, Set<String> allowed) {
    requireNonNull(text, setting);
    if (text.isBlank()) {
      throw new IllegalArgumentException(setting + " must not be blank");
    }
    Set<String> unknown = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      if (!allowed.contains(matcher.group(1))) {
        unknown.add(matcher.group(1));
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          setting
              + " uses unknown placeholders "
              + unknown
              + "; it may use "
              + new TreeSet<>(allowed));
    }
    return new PromptTemplate(text);
  }

  /** The prompt with each placeholder replaced by its value; values are inserted verbatim. */
  String render(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 256);
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      // Checked in of(): a missing value is a bug in the pattern, not the user's prompt.
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(requireNonNull(value, matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
