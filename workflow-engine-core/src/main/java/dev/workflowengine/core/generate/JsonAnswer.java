package dev.workflowengine.core.generate;

/**
 * Cuts the JSON object out of a model's answer. Small models wrap JSON in Markdown fences or put a
 * sentence before it even when a response format asks for JSON only; refusing such an answer would
 * waste an attempt on something that is not a mistake in the workflow.
 */
final class JsonAnswer {

  private static final String FENCE = "```";

  private JsonAnswer() {}

  /**
   * The JSON part of an answer.
   *
   * @param answer the model's text
   * @return the first fenced block's content if there is one, else the text from the first opening
   *     brace to the last closing brace, else the text stripped; the parser reports what is still
   *     wrong
   */
  static String extract(String answer) {
    String text = answer.strip();
    int fence = text.indexOf(FENCE);
    if (fence >= 0) {
      int lineEnd = text.indexOf('\n', fence);
      int close = lineEnd < 0 ? -1 : text.indexOf(FENCE, lineEnd);
      if (close > lineEnd) {
        text = text.substring(lineEnd + 1, close).strip();
      }
    }
    int open = text.indexOf('{');
    int end = text.lastIndexOf('}');
    return open >= 0 && end > open ? text.substring(open, end + 1) : text;
  }
}
