package dev.workflowengine.core.patterns;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into chunks of at most a number of characters, each ending at the best boundary in
 * the second half of its window: a blank line (paragraph), else a line break, else a sentence end,
 * else a space, else wherever the limit falls. Each chunk after the first starts up to {@code
 * overlap} characters before the previous one ended, at a line or word start, so a thought cut at a
 * boundary is seen whole by one of the two analyses. Immutable and thread-safe.
 */
final class Chunker {

  private final int maxChars;
  private final int overlap;

  /**
   * @param maxChars the most characters a chunk holds
   * @param overlap how far back a chunk may start into the previous one; less than half of {@code
   *     maxChars}, so each chunk moves on by more than it repeats
   */
  Chunker(int maxChars, int overlap) {
    if (overlap < 0 || overlap * 2 >= maxChars) {
      throw new IllegalArgumentException(
          "overlap must be >= 0 and less than half of the chunk size " + maxChars + ": " + overlap);
    }
    this.maxChars = maxChars;
    this.overlap = overlap;
  }

  /** The chunks of a text, stripped; a text that fits is one chunk. */
  List<String> split(String document) {
    String text = document.strip(); // so that after any boundary some text is left
    List<String> chunks = new ArrayList<>();
    int start = 0;
    while (text.length() - start > maxChars) {
      int end = boundary(text, start, start + maxChars);
      chunks.add(text.substring(start, end).strip());
      start = nextStart(text, end);
    }
    chunks.add(text.substring(start).strip());
    return List.copyOf(chunks);
  }

  /** Where a chunk from {@code start} ends: the best boundary in the second half of its window. */
  private static int boundary(String text, int start, int limit) {
    int half = start + (limit - start) / 2;
    int paragraph = text.lastIndexOf("\n\n", limit - 1);
    if (paragraph > half) {
      return paragraph;
    }
    int line = text.lastIndexOf('\n', limit);
    if (line > half) {
      return line;
    }
    for (int i = limit - 1; i > half; i--) {
      char c = text.charAt(i - 1);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    for (int i = limit; i > half; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return limit;
  }

  /**
   * The first line start, else word start, at most {@code overlap} characters before {@code end}.
   */
  private int nextStart(String text, int end) {
    if (overlap > 0) {
      int from = end - overlap;
      for (int i = Math.max(from, 1); i < end; i++) {
        if (text.charAt(i - 1) == '\n' && !Character.isWhitespace(text.charAt(i))) {
          return i;
        }
      }
      for (int i = Math.max(from, 1); i < end; i++) {
        if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
          return i;
        }
      }
    }
    int next = end;
    while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
      next++;
    }
    return next;
  }
}
