package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.WorkflowStateException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of a run as a node sees it: a read-only map of keys to values, with typed getters that
 * fail with a clear {@link WorkflowStateException} on a missing key or a value of another type.
 *
 * <pre>{@code
 * NodeAction review = state -> {
 *   int round = state.getInt("round", 0);
 *   List<String> notes = state.getList("notes", String.class);
 *   return Map.of("round", round + 1);
 * };
 * }</pre>
 *
 * <p>Numbers convert between integral types when the value fits, since JSON round trips turn an
 * {@code int} into whatever width the parser picks; a map converts to a record or bean class, since
 * a checkpoint stores a record as a JSON object. Immutable and thread-safe: it is a view of a map
 * that no one modifies.
 */
public final class WorkflowState {

  private static final WorkflowState EMPTY = new WorkflowState(Map.of());

  private final Map<String, Object> values;

  private WorkflowState(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * A state holding the given values. The map is not copied, so it must not change afterwards.
   *
   * @param values the values
   * @return the state
   */
  public static WorkflowState of(Map<String, Object> values) {
    return values.isEmpty() ? EMPTY : new WorkflowState(Collections.unmodifiableMap(values));
  }

  /**
   * Whether the state has a value for the key.
   *
   * @param key the key
   * @return {@code true} if present
   */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * The keys present.
   *
   * @return the keys, read-only
   */
  public Set<String> keys() {
    return values.keySet();
  }

  /**
   * The whole state as a read-only map.
   *
   * @return the map; not a copy
   */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * The value of a key, if present.
   *
   * @param key the key
   * @return the value
   */
  public Optional<Object> find(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * The value of a key converted to a type, if present.
   *
   * @param key the key
   * @param type the type wanted
   * @param <T> the type wanted
   * @return the value
   * @throws WorkflowStateException if the value cannot be converted to the type
   */
  public <T> Optional<T> find(String key, Class<T> type) {
    Object value = values.get(key);
    return value == null ? Optional.empty() : Optional.of(StateValues.convert(key, value, type));
  }

  /**
   * The value of a key converted to a type.
   *
   * @param key the key
   * @param type the type wanted
   * @param <T> the type wanted
   * @return the value
   * @throws WorkflowStateException if the key is missing or the value cannot be converted
   */
  public <T> T get(String key, Class<T> type) {
    return StateValues.convert(key, require(key), type);
  }

  /**
   * A string value.
   *
   * @param key the key
   * @return the value
   * @throws WorkflowStateException if missing or not a string
   */
  public String getString(String key) {
    return get(key, String.class);
  }

  /**
   * A string value, or a default when the key is missing.
   *
   * @param key the key
   * @param defaultValue returned when the key is missing
   * @return the value
   * @throws WorkflowStateException if present but not a string
   */
  public String getString(String key, String defaultValue) {
    return find(key, String.class).orElse(defaultValue);
  }

  /**
   * An {@code int} value.
   *
   * @param key the key
   * @return the value
   * @throws WorkflowStateException if missing, not a number, or out of {@code int} range
   */
  public int getInt(String key) {
    return get(key, Integer.class);
  }

  /**
   * An {@code int} value, or a default when the key is missing.
   *
   * @param key the key
   * @param defaultValue returned when the key is missing
   * @return the value
   * @throws WorkflowStateException if present but not an {@code int}
   */
  public int getInt(String key, int defaultValue) {
    return find(key, Integer.class).orElse(defaultValue);
  }

  /**
   * A {@code long} value.
   *
   * @param key the key
   * @return the value
   * @throws WorkflowStateException if missing or not an integral number
   */
  public long getLong(String key) {
    return get(key, Long.class);
  }

  /**
   * A {@code double} value; any number converts.
   *
   * @param key the key
   * @return the value
   * @throws WorkflowStateException if missing or not a number
   */
  public double getDouble(String key) {
    return get(key, Double.class);
  }

  /**
   * A {@code boolean} value.
   *
   * @param key the key
   * @return the value
   * @throws WorkflowStateException if missing or not a boolean
   */
  public boolean getBoolean(String key) {
    return get(key, Boolean.class);
  }

  /**
   * A {@code boolean} value, or a default when the key is missing.
   *
   * @param key the key
   * @param defaultValue returned when the key is missing
   * @return the value
   * @throws WorkflowStateException if present but not a boolean
   */
  public boolean getBoolean(String key, boolean defaultValue) {
    return find(key, Boolean.class).orElse(defaultValue);
  }

  /**
   * A list whose elements are converted to a type.
   *
   * @param key the key
   * @param elementType the element type
   * @param <T> the element type
   * @return the list, read-only
   * @throws WorkflowStateException if missing, not a list, or an element cannot be converted
   */
  public <T> List<T> getList(String key, Class<T> elementType) {
    return StateValues.convertList(key, require(key), elementType);
  }

  /**
   * A map value, such as a JSON object.
   *
   * @param key the key
   * @return the map, read-only
   * @throws WorkflowStateException if missing or not a map
   */
  public Map<String, Object> getMap(String key) {
    return StateValues.convertMap(key, require(key));
  }

  private Object require(String key) {
    requireNonNull(key, "key");
    Object value = values.get(key);
    if (value == null) {
      throw new WorkflowStateException(
          key,
          "state has no key '"
              + key
              + "' (present: "
              + new TreeSet<>(values.keySet())
              + "); a node must write it before it is read, or the start input must provide it");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WorkflowState state && values.equals(state.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Lists the keys with short previews of their values, so that large values do not flood logs. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("WorkflowState{");
    String separator = "";
    for (String key : new TreeSet<>(values.keySet())) {
      text.append(separator).append(key).append('=').append(StateValues.preview(values.get(key)));
      separator = ", ";
    }
    return text.append('}').toString();
  }
}
