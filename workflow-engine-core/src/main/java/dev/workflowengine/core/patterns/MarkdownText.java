package dev.workflowengine.core.patterns;

import java.util.regex.Pattern;

/**
 * Markdown as the text a reader sees: headings, emphasis, links and images lose their markup, code
 * keeps its content. Line structure stays, so paragraphs still end at blank lines for the chunker.
 * Not a full CommonMark renderer: a model reads leftover markup without trouble, and a parser
 * dependency is not worth that.
 */
final class MarkdownText {

  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A---\\R.*?\\R---\\R", Pattern.DOTALL);
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  // [ \t], not \s: a line pattern must not swallow the blank lines that end paragraphs.
  private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*(```|~~~).*$\\R?");
  private static final Pattern HEADING =
      Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+(.*?)[ \\t]*#*[ \\t]*$");
  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)[^)]*\\)");
  // Not inside a word, so snake_case_names keep their underscores.
  private static final Pattern EMPHASIS =
      Pattern.compile("(?<!\\w)(\\*\\*|__|\\*|_|`)(\\S(?:.*?\\S)?)\\1(?!\\w)");
  private static final Pattern QUOTE = Pattern.compile("(?m)^[ \\t]{0,3}>[ \\t]?");
  private static final Pattern RULE =
      Pattern.compile("(?m)^[ \\t]{0,3}([-*_])([ \\t]*\\1){2,}[ \\t]*$");

  private MarkdownText() {}

  static String plain(String markdown) {
    String text = FRONT_MATTER.matcher(markdown).replaceFirst("");
    text = COMMENT.matcher(text).replaceAll("");
    text = FENCE.matcher(text).replaceAll("");
    text = HEADING.matcher(text).replaceAll("$1");
    text = IMAGE.matcher(text).replaceAll("$1");
    text = LINK.matcher(text).replaceAll("$1 ($2)");
    text = EMPHASIS.matcher(text).replaceAll("$2");
    text = QUOTE.matcher(text).replaceAll("");
    return RULE.matcher(text).replaceAll("");
  }
}
