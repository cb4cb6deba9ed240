package dev.workflowengine.api.definition;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies configuration values into immutable JSON-shaped structures with one canonical number type
 * per kind, so that a definition built in code equals the same definition read from JSON.
 */
final class JsonValues {

  private JsonValues() {}

  static Map<String, Object> copyObject(Map<String, ?> map, String location) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (key == null) {
            throw new IllegalArgumentException(location + " has a null key");
          }
          if (value != null) {
            copy.put(key, copyValue(value, location + "." + key));
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String location) {
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      if ((number instanceof Double || number instanceof Float)
          && !Double.isFinite(number.doubleValue())) {
        throw new IllegalArgumentException(
            location + " is " + number + ", which JSON cannot represent; use a finite number");
      }
      return canonicalNumber(number);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (key, element) -> {
            if (!(key instanceof String name)) {
              throw new IllegalArgumentException(location + " has a non-string key " + key);
            }
            if (element != null) {
              copy.put(name, copyValue(element, location + "." + name));
            }
          });
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object element = list.get(i);
        if (element == null) {
          throw new IllegalArgumentException(location + "[" + i + "] is null");
        }
        copy.add(copyValue(element, location + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        location
            + " holds a "
            + value.getClass().getName()
            + "; configuration values must be JSON: strings, numbers, booleans, lists or maps");
  }

  private static Object canonicalNumber(Number number) {
    if (number instanceof Integer
        || number instanceof Long
        || number instanceof Short
        || number instanceof Byte) {
      return number.longValue();
    }
    if (number instanceof Float || number instanceof Double) {
      return number.doubleValue();
    }
    if (number instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    if (number instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    return number;
  }

  static <T> List<T> copyList(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Copies a map keeping its order; a null key or value is refused, naming where it is. */
  static <V> Map<String, V> copyOrderedMap(Map<String, V> map, String location) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (key == null) {
            throw new IllegalArgumentException(location + " has a null key");
          }
          if (value == null) {
            throw new IllegalArgumentException(
                location + "." + key + " is null; give it a value or leave the entry out");
          }
          copy.put(key, value);
        });
    return Collections.unmodifiableMap(copy);
  }
}
