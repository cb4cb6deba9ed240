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

  int maxChars() {
    return maxChars;
  }

  /** The chunks of a text, stripped; a text that fits is one chunk. */
  List<String> split(String text) {
    List<String> chunks = new ArrayList<>();
    List<Integer> spans = spans(text);
    for (int i = 0; i < spans.size(); i += 2) {
      chunks.add(chunk(text, spans, i / 2));
    }
    return List.copyOf(chunks);
  }

  /**
   * Where the chunks of a text start and end, as start, end, start, end …: small enough to keep in
   * a workflow's state, so a long document is split once rather than once per chunk.
   */
  List<Integer> spans(String text) {
    List<Integer> spans = new ArrayList<>();
    int start = skipSpace(text, 0);
    int length = text.strip().isEmpty() ? start : text.length() - trailingSpace(text);
    while (length - start > maxChars) {
      int end = boundary(text, start, start + maxChars);
      spans.add(start);
      spans.add(end);
      start = nextStart(text, end);
    }
    spans.add(start);
    spans.add(length);
    return List.copyOf(spans);
  }

  /** Chunk {@code index} of a text split into {@code spans}, stripped. */
  static String chunk(String text, List<Integer> spans, int index) {
    return text.substring(spans.get(2 * index), spans.get(2 * index + 1)).strip();
  }

  private static int trailingSpace(String text) {
    int count = 0;
    while (count < text.length()
        && Character.isWhitespace(text.charAt(text.length() - 1 - count))) {
      count++;
    }
    return count;
  }

  private static int skipSpace(String text, int from) {
    int next = from;
    while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
      next++;
    }
    return next;
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
    return skipSpace(text, end);
  }
}
