package dev.workflowengine.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.workflowengine.api.WorkflowStateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A text with {@code {{key}}} and {@code {{key.path}}} placeholders filled from the state. Paths
 * walk into maps, records and lists ({@code {{items.0.name}}}). Strings are inserted as they are;
 * numbers and booleans as their text; lists, maps and records as JSON. Public because agents (in
 * {@code dev.workflowengine.core.agent}) render their prompts with the same syntax.
 *
 * <pre>{@code
 * Template greeting = Template.parse("Hello {{user.name}}");
 * String text = greeting.render(state);
 * }</pre>
 *
 * <p>Parsed once; immutable and thread-safe.
 */
public final class Template {

  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*(\\.[A-Za-z0-9_\\-]+)*");

  private final String source;
  private final List<Object> parts; // String literals and String[] paths, in order

  private Template(String source, List<Object> parts) {
    this.source = source;
    this.parts = parts;
  }

  /**
   * Parses a template, or explains where it is malformed.
   *
   * @param source the text with placeholders
   * @return the template
   * @throws InvalidTemplate if a placeholder is unclosed or not a path
   */
  public static Template parse(String source) throws InvalidTemplate {
    List<Object> parts = new ArrayList<>();
    int position = 0;
    while (position < source.length()) {
      int open = source.indexOf("{{", position);
      if (open < 0) {
        parts.add(source.substring(position));
        break;
      }
      int close = source.indexOf("}}", open + 2);
      if (close < 0) {
        throw new InvalidTemplate(
            "unclosed '{{' at position " + (open + 1) + " of \"" + source + "\"");
      }
      String path = source.substring(open + 2, close).trim();
      if (!PATH.matcher(path).matches()) {
        throw new InvalidTemplate(
            "invalid placeholder '"
                + source.substring(open, close + 2)
                + "' at position "
                + (open + 1)
                + "; write {{key}} or {{key.path}}");
      }
      if (open > position) {
        parts.add(source.substring(position, open));
      }
      parts.add(path.split("\\."));
      position = close + 2;
    }
    return new Template(source, List.copyOf(parts));
  }

  String source() {
    return source;
  }

  /** The state keys the placeholders start from. */
  List<String> rootKeys() {
    List<String> keys = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof String[] path) {
        keys.add(path[0]);
      }
    }
    return keys;
  }

  /**
   * The text with every placeholder filled.
   *
   * @param state the state the placeholders read
   * @return the text
   * @throws WorkflowStateException if a placeholder names something the state does not hold
   */
  public String render(WorkflowState state) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      text.append(part instanceof String[] path ? asText(resolve(path, state)) : (String) part);
    }
    return text.toString();
  }

  /** The value itself when the template is one placeholder and nothing else, else the text. */
  Object renderValue(WorkflowState state) {
    if (parts.size() == 1 && parts.get(0) instanceof String[] path) {
      return resolve(path, state);
    }
    return render(state);
  }

  private Object resolve(String[] path, WorkflowState state) {
    String joined = String.join(".", path);
    if (!state.has(path[0])) {
      throw new WorkflowStateException(
          path[0],
          "template \""
              + source
              + "\" refers to {{"
              + joined
              + "}} but the state has no key '"
              + path[0]
              + "' (present: "
              + state.keys()
              + ")");
    }
    Object value = state.asMap().get(path[0]);
    for (int i = 1; i < path.length; i++) {
      value = step(value, path[i]);
      if (value == null) {
        throw new WorkflowStateException(
            path[0],
            "template \""
                + source
                + "\" refers to {{"
                + joined
                + "}} but '"
                + String.join(".", java.util.Arrays.copyOf(path, i))
                + "' has no '"
                + path[i]
                + "'");
      }
    }
    return value;
  }

  private static Object step(Object value, String segment) {
    if (value instanceof Map<?, ?> map) {
      return map.get(segment);
    }
    if (value instanceof List<?> list) {
      try {
        int index = Integer.parseInt(segment);
        return index >= 0 && index < list.size() ? list.get(index) : null;
      } catch (NumberFormatException notAnIndex) {
        return null;
      }
    }
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return null;
    }
    return step(Json.MAPPER.convertValue(value, Object.class), segment);
  }

  private static String asText(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  /** Why a template is malformed. */
  public static final class InvalidTemplate extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTemplate(String message) {
      super(message, null, false, false);
    }
  }
}
