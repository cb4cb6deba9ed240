package dev.workflowengine.ollama;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deep, immutable copies of JSON-shaped values (maps, lists, strings, numbers, booleans, nulls), so
 * that a schema or tool arguments handed to or received from Ollama cannot change afterwards.
 */
final class JsonCopies {

  private JsonCopies() {}

  static Map<String, Object> object(Map<String, ?> map, String name) {
    Objects.requireNonNull(map, name);
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (key == null) {
            throw new IllegalArgumentException(name + " has a null key");
          }
          copy.put(key, value(value, name + "." + key));
        });
    return Collections.unmodifiableMap(copy);
  }

  private static Object value(Object value, String name) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      if ((number instanceof Double || number instanceof Float)
          && !Double.isFinite(number.doubleValue())) {
        throw new IllegalArgumentException(
            name + " is " + number + ", which JSON cannot represent; use a finite number");
      }
      return number;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (key, element) -> {
            if (!(key instanceof String text)) {
              throw new IllegalArgumentException(name + " has a non-string key " + key);
            }
            copy.put(text, value(element, name + "." + text));
          });
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> copy = new ArrayList<>(collection.size());
      int index = 0;
      for (Object element : collection) {
        copy.add(value(element, name + "[" + index++ + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        name
            + " holds a "
            + value.getClass().getName()
            + "; JSON values are strings, numbers, booleans, null, lists and maps");
  }
}
