package dev.workflowengine.google.drive;

import java.util.Locale;
import java.util.Set;

/** Which MIME types hold text that a language model can read. */
final class TextTypes {

  private static final Set<String> TEXT_APPLICATION_TYPES =
      Set.of(
          "application/json",
          "application/xml",
          "application/javascript",
          "application/x-javascript",
          "application/yaml",
          "application/x-yaml",
          "application/x-sh",
          "application/sql",
          "application/csv",
          "application/x-httpd-php",
          "application/rtf");

  private TextTypes() {}

  /** Text types, with or without parameters such as {@code ;charset=utf-8}. */
  static boolean isText(String mimeType) {
    String type = mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || TEXT_APPLICATION_TYPES.contains(type)
        || type.endsWith("+json")
        || type.endsWith("+xml");
  }
}
