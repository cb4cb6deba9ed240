package dev.workflowengine.benchmarks.ollama;

/**
 * What a client delivered to its caller for one streamed answer: the number of content deltas, the
 * whole text, and the final statistics every benchmarked client exposes.
 *
 * @param deltas the number of non-empty content deltas the caller received
 * @param content the answer's text
 * @param doneReason the final line's {@code done_reason} ({@code stop}), lower case
 * @param promptEvalCount the final line's {@code prompt_eval_count}
 * @param evalCount the final line's {@code eval_count}
 */
public record StreamedAnswer(
    int deltas, String content, String doneReason, long promptEvalCount, long evalCount) {

  /**
   * Checks that this is the whole of {@code answer}: cheap enough to run after every measured call
   * (it compares lengths and counts, not the text), so that a benchmark cannot pass while measuring
   * a broken exchange.
   *
   * @param answer the answer the server streamed
   * @return this answer
   * @throws IllegalStateException if a delta, the text or the final statistics went missing
   */
  public StreamedAnswer checkComplete(ChatAnswer answer) {
    if (deltas != answer.chunks()
        || content.length() != answer.content().length()
        || !"stop".equals(doneReason)
        || promptEvalCount != answer.promptEvalCount()
        || evalCount != answer.evalCount()) {
      throw new IllegalStateException(
          "incomplete answer: "
              + deltas
              + " deltas, "
              + content.length()
              + " chars, done_reason "
              + doneReason
              + ", prompt_eval_count "
              + promptEvalCount
              + ", eval_count "
              + evalCount
              + "; expected "
              + answer.chunks()
              + " deltas and "
              + answer.content().length()
              + " chars");
    }
    return this;
  }
}
