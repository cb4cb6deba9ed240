package dev.workflowengine.google.push;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a Calendar notification says happened to the watched resource ({@code
 * X-Goog-Resource-State}). The notification carries no details: list the changes with an
 * incremental sync (the sync token of the last list) to learn them.
 */
public enum CalendarResourceState {
  /** The channel was just created; sent once, as message number 1. Nothing changed. */
  SYNC("sync"),
  /** The resource was created or changed. */
  EXISTS("exists"),
  /** The resource was deleted. */
  NOT_EXISTS("not_exists");

  private final String wireName;

  CalendarResourceState(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value as Google sends it.
   *
   * @return for example {@code "not_exists"}
   */
  public String wireName() {
    return wireName;
  }

  static Optional<CalendarResourceState> fromWire(String value) {
    return Arrays.stream(values()).filter(state -> state.wireName.equals(value)).findFirst();
  }
}
