package dev.workflowengine.ollama;

/** The text of a stream so far, so that a failure can hand the partial answer to the caller. */
final class PartialText {

  private final StringBuilder content = new StringBuilder();
  private final StringBuilder thinking = new StringBuilder();

  void add(String contentPiece, String thinkingPiece) {
    if (!contentPiece.isEmpty()) {
      content.append(contentPiece);
    }
    if (!thinkingPiece.isEmpty()) {
      thinking.append(thinkingPiece);
    }
  }

  String content() {
    return content.toString();
  }

  String thinking() {
    return thinking.toString();
  }
}
