package dev.workflowengine.ollama;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/** An immutable {@code List<Integer>} over an {@code int[]}: a context can hold 100,000 tokens. */
final class IntList extends AbstractList<Integer> implements RandomAccess {

  private final int[] values;

  private IntList(int[] values) {
    this.values = values;
  }

  static List<Integer> of(int[] values, int size) {
    return size == 0 ? List.of() : new IntList(Arrays.copyOf(values, size));
  }

  @Override
  public Integer get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
