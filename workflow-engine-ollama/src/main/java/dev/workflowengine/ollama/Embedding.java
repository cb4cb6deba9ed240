package dev.workflowengine.ollama;

import java.util.Arrays;
import java.util.Objects;

/**
 * One embedding vector. Kept as a {@code float[]} (Ollama computes in 32-bit floats) behind an
 * immutable view: {@link #toArray()} hands out a copy. Immutable and thread-safe.
 *
 * <pre>{@code
 * float[] vector = client.embed(EmbedRequest.of("all-minilm", "hello")).embeddings().get(0).toArray();
 * }</pre>
 */
public final class Embedding {

  private final float[] values;

  private Embedding(float[] values) {
    this.values = values;
  }

  /**
   * An embedding holding a copy of the values.
   *
   * @param values the vector
   * @return the embedding
   */
  public static Embedding of(float[] values) {
    return new Embedding(Objects.requireNonNull(values, "values").clone());
  }

  /** Wraps an array nobody else holds, as the parser does. */
  static Embedding wrap(float[] values) {
    return new Embedding(values);
  }

  /**
   * The number of dimensions.
   *
   * @return the vector's length
   */
  public int dimension() {
    return values.length;
  }

  /**
   * One component.
   *
   * @param index from 0 to {@link #dimension()} - 1
   * @return the value
   */
  public float get(int index) {
    return values[index];
  }

  /**
   * The vector.
   *
   * @return a copy the caller may change
   */
  public float[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Embedding embedding && Arrays.equals(values, embedding.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    int shown = Math.min(values.length, 4);
    StringBuilder text = new StringBuilder("Embedding[dimension=").append(values.length);
    text.append(", values=[");
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return text.append(values.length > shown ? ", ...]]" : "]]").toString();
  }
}
