package dev.workflowengine.core;

/**
 * Combines a node's update to a state key with the key's current value. Keys without a reducer are
 * replaced by each update (last write wins). Use {@link Reducers#append()} for message lists.
 *
 * <p>Implementations must be pure and must not modify their arguments: the state is shared between
 * steps without copying. Thread-safe by being stateless.
 */
public interface Reducer {

  /**
   * Combines the current value with an update.
   *
   * @param current the current value, or {@code null} when the key is not in the state yet
   * @param update the value a node returned for the key; never {@code null}
   * @return the new value; never {@code null}
   */
  Object reduce(Object current, Object update);

  /**
   * Combines the updates of two parallel branches into one update, such that {@code
   * reduce(reduce(c, first), second)} equals {@code reduce(c, combine(first, second))}. Branches
   * are combined in the order their edges were declared, whatever order they finish in.
   *
   * <p>The default refuses: two branches writing the same key is a conflict unless the reducer says
   * how to merge them.
   *
   * @param first the update of the branch declared first
   * @param second the update of the branch declared second
   * @return the combined update
   * @throws IllegalStateException if updates of this key cannot be combined
   */
  default Object combine(Object first, Object second) {
    throw new IllegalStateException(
        "this key's reducer cannot combine updates of parallel branches");
  }
}
