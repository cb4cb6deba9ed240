package dev.workflowengine.ollama;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ChatAccumulator} and {@link GenerateAccumulator} keep alike of a stream: the model,
 * the latest timestamp, the thinking and log probabilities joined, how many chunks came and, from
 * the final chunk, why generation stopped and the statistics. Not thread-safe.
 */
final class StreamTally {

  private final StringBuilder thinking = new StringBuilder();
  private final List<Logprob> logprobs = new ArrayList<>();
  private String model;
  private Optional<Instant> createdAt = Optional.empty();
  private boolean done;
  private Optional<String> doneReason = Optional.empty();
  private Optional<Metrics> metrics = Optional.empty();
  private int chunks;

  /**
   * Counts the next chunk and keeps what every chunk carries.
   *
   * @throws IllegalStateException when a chunk follows the final one
   */
  void add(
      String model,
      Optional<Instant> createdAt,
      Optional<String> thinking,
      List<Logprob> logprobs) {
    if (done) {
      throw new IllegalStateException(
          "a chunk came after the final one; use one accumulator per answer");
    }
    chunks++;
    this.model = model;
    if (createdAt.isPresent()) {
      this.createdAt = createdAt;
    }
    thinking.ifPresent(this.thinking::append);
    this.logprobs.addAll(logprobs);
  }

  /** Keeps what the final chunk adds; no chunk may follow. */
  void finish(Optional<String> doneReason, Optional<Metrics> metrics) {
    done = true;
    this.doneReason = doneReason;
    this.metrics = metrics;
  }

  /** The model of the latest chunk; fails when no chunk was added. */
  String model() {
    if (model == null) {
      throw new IllegalStateException("no chunk was added");
    }
    return model;
  }

  Optional<Instant> createdAt() {
    return createdAt;
  }

  Optional<String> thinking() {
    return thinking.length() == 0 ? Optional.empty() : Optional.of(thinking.toString());
  }

  /** The log probabilities so far; the live list, which the response records copy. */
  List<Logprob> logprobs() {
    return logprobs;
  }

  boolean done() {
    return done;
  }

  Optional<String> doneReason() {
    return doneReason;
  }

  Optional<Metrics> metrics() {
    return metrics;
  }

  int chunks() {
    return chunks;
  }
}
