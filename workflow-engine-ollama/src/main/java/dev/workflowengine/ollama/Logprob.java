package dev.workflowengine.ollama;

import java.util.List;
import java.util.Objects;

/**
 * The log probability of one generated token, sent when a request sets {@code logprobs}; {@link
 * #topLogprobs()} holds the likeliest alternatives when it also sets {@code top_logprobs}.
 * Immutable.
 *
 * @param token the token's text
 * @param logprob its log probability
 * @param bytes the token's raw bytes, when given
 * @param topLogprobs the likeliest tokens at this position, each without alternatives of its own
 */
public record Logprob(
    String token, double logprob, List<Integer> bytes, List<Logprob> topLogprobs) {

  /** Validates and copies the components. */
  public Logprob {
    Objects.requireNonNull(token, "token");
    bytes = Checks.listOrEmpty(bytes, "bytes");
    topLogprobs = Checks.listOrEmpty(topLogprobs, "topLogprobs");
  }
}
