package dev.workflowengine.core;

import dev.workflowengine.api.WorkflowStateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Converts state values to the types nodes ask for, with messages that say what was found. */
final class StateValues {

  private static final int PREVIEW_LENGTH = 60;

  private StateValues() {}

  static <T> T convert(String key, Object value, Class<T> type) {
    Object converted = convertOrNull(value, type);
    if (converted == null) {
      throw wrongType(key, value, type.getSimpleName());
    }
    return type.cast(converted);
  }

  private static Object convertOrNull(Object value, Class<?> type) {
    Class<?> boxed = box(type);
    if (boxed.isInstance(value)) {
      return value;
    }
    if (value instanceof Number number) {
      return convertNumber(number, boxed);
    }
    if (value instanceof Map<?, ?> && !Map.class.isAssignableFrom(boxed) && isBeanLike(boxed)) {
      try {
        return Json.MAPPER.convertValue(value, boxed);
      } catch (IllegalArgumentException notConvertible) {
        return null;
      }
    }
    return null;
  }

  private static Object convertNumber(Number number, Class<?> type) {
    boolean integral =
        number instanceof Long
            || number instanceof Integer
            || number instanceof Short
            || number instanceof Byte;
    if (type == Double.class) {
      return number.doubleValue();
    }
    if (type == Long.class && integral) {
      return number.longValue();
    }
    if (type == Integer.class && integral) {
      long wide = number.longValue();
      return wide == (int) wide ? (int) wide : null;
    }
    return null;
  }

  private static boolean isBeanLike(Class<?> type) {
    return !type.isPrimitive()
        && !type.isInterface()
        && !type.getName().startsWith("java.")
        && !Number.class.isAssignableFrom(type);
  }

  static <T> List<T> convertList(String key, Object value, Class<T> elementType) {
    if (!(value instanceof List<?> list)) {
      throw wrongType(key, value, "List");
    }
    List<T> converted = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      Object result = element == null ? null : convertOrNull(element, elementType);
      if (result == null) {
        throw wrongType(key + "[" + i + "]", element, elementType.getSimpleName());
      }
      converted.add(elementType.cast(result));
    }
    return Collections.unmodifiableList(converted);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> convertMap(String key, Object value) {
    if (value instanceof Map<?, ?> map) {
      return Collections.unmodifiableMap((Map<String, Object>) map);
    }
    try {
      return Collections.unmodifiableMap(Json.MAPPER.convertValue(value, Json.MAP_TYPE));
    } catch (IllegalArgumentException notAnObject) {
      throw wrongType(key, value, "Map");
    }
  }

  private static WorkflowStateException wrongType(String key, Object value, String wanted) {
    String found = value == null ? "null" : value.getClass().getSimpleName();
    return new WorkflowStateException(
        key,
        "state key '"
            + key
            + "' holds "
            + withArticle(found)
            + " ("
            + preview(value)
            + "), not "
            + withArticle(wanted)
            + "; check the node that writes it");
  }

  /** "a String", "an Integer". */
  static String withArticle(String noun) {
    return ("AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  static String preview(Object value) {
    String text = value instanceof String string ? '"' + string + '"' : String.valueOf(value);
    return text.length() <= PREVIEW_LENGTH
        ? text
        : text.substring(0, PREVIEW_LENGTH) + "… (" + text.length() + " chars)";
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == double.class) {
      return Double.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    throw new IllegalArgumentException("unsupported primitive type " + type);
  }
}
