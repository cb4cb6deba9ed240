package dev.workflowengine.google.gmail;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML to readable plain text, simply: drops comments, head, scripts and styles; turns line breaks
 * and the ends of blocks (paragraphs, divs, rows, lists, headings) into new lines and list items
 * into "- " lines; drops every other tag; decodes numeric entities and the handful of named ones
 * mail uses most. Not a renderer (no tables, no links' targets): enough for a model or a person to
 * read an HTML-only e-mail, with no HTML parser dependency.
 */
final class HtmlText {

  private static final Pattern INVISIBLE =
      Pattern.compile(
          "(?is)<!--.*?-->|<head\\b.*?</head\\s*>|<script\\b.*?</script\\s*>|<style\\b.*?</style\\s*>");
  private static final Pattern LINE_BREAK =
      Pattern.compile("(?i)<br\\b[^>]*>|</(p|div|tr|h[1-6]|blockquote|table|ul|ol)\\s*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
  private static final Map<String, String> NAMED =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

  private HtmlText() {}

  static String of(String html) {
    String text = INVISIBLE.matcher(html).replaceAll("");
    text = text.replaceAll("\\s+", " ");
    text = LINE_BREAK.matcher(text).replaceAll("\n");
    text = LIST_ITEM.matcher(text).replaceAll("\n- ");
    text = TAG.matcher(text).replaceAll("");
    text = entitiesDecoded(text);
    text = text.replaceAll("[ \\t\\u00a0]*\n[ \\t\\u00a0]*", "\n").replaceAll("\n{3,}", "\n\n");
    return text.strip();
  }

  private static String entitiesDecoded(String text) {
    Matcher matcher = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(entity(matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String entity(String name) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return Character.toString(Integer.parseInt(name.substring(2), 16));
      }
      if (name.startsWith("#")) {
        return Character.toString(Integer.parseInt(name.substring(1)));
      }
    } catch (IllegalArgumentException e) { // out of range: keep the entity as written
      return "&" + name + ";";
    }
    return NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), "&" + name + ";");
  }
}
