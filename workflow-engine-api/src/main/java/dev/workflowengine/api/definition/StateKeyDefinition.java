package dev.workflowengine.api.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Declares one key of a workflow's state: how updates to it combine, and whether the start input
 * must provide it. When a definition declares its state, templates may only refer to declared keys
 * and keys some node writes, which catches typos before the first run.
 *
 * @param reducer how a node's update combines with the current value
 * @param description what the key holds, for people and for workflow generation
 * @param required whether the start input must provide the key
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StateKeyDefinition(Reducer reducer, String description, boolean required) {

  /** How a node's update to a key combines with the current value. */
  public enum Reducer {
    /** The update replaces the value: last write wins. */
    @JsonProperty("replace")
    REPLACE,
    /** The update's items are appended to the list, duplicates included. */
    @JsonProperty("append")
    APPEND
  }

  /** Normalises the components. */
  public StateKeyDefinition {
    reducer = reducer == null ? Reducer.REPLACE : reducer;
    description = description == null ? "" : description;
  }

  /**
   * A key whose value is replaced by each update.
   *
   * @return the declaration
   */
  public static StateKeyDefinition replace() {
    return new StateKeyDefinition(Reducer.REPLACE, "", false);
  }

  /**
   * A list key to which each update appends.
   *
   * @return the declaration
   */
  public static StateKeyDefinition append() {
    return new StateKeyDefinition(Reducer.APPEND, "", false);
  }

  /**
   * A key the start input must provide.
   *
   * @return the declaration
   */
  public static StateKeyDefinition requiredInput() {
    return new StateKeyDefinition(Reducer.REPLACE, "", true);
  }
}
