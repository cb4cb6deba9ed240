package dev.workflowengine.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The reducers a workflow's state keys can have.
 *
 * <pre>{@code
 * Workflow.builder("chat").reducer("messages", Reducers.append())
 * }</pre>
 */
public final class Reducers {

  private static final Reducer APPEND = new AppendReducer();

  private Reducers() {}

  /**
   * Appends to a list. An update may be a single item or a collection of items; duplicates are kept
   * (unlike LangGraph4j's default appender, which drops items equal to one already present). The
   * result is a new unmodifiable list; the previous one is never modified.
   *
   * @return the append reducer
   */
  public static Reducer append() {
    return APPEND;
  }

  private static final class AppendReducer implements Reducer {

    @Override
    public Object reduce(Object current, Object update) {
      List<Object> items = new ArrayList<>();
      addAll(items, current);
      addAll(items, update);
      return Collections.unmodifiableList(items);
    }

    @Override
    public Object combine(Object first, Object second) {
      return reduce(first, second);
    }

    private static void addAll(List<Object> items, Object value) {
      if (value instanceof Collection<?> collection) {
        items.addAll(collection);
      } else if (value != null) {
        items.add(value);
      }
    }

    @Override
    public String toString() {
      return "append";
    }
  }
}
