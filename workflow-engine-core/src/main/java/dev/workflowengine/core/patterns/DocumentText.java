package dev.workflowengine.core.patterns;

import dev.workflowengine.api.DocumentException;
import dev.workflowengine.api.DocumentException.Problem;
import java.nio.charset.StandardCharsets;

/** The text of a document, by its media type. */
final class DocumentText {

  private DocumentText() {}

  static String extract(DocumentInput input) {
    String text =
        switch (input.mediaType()) {
          case DocumentInput.PDF -> PdfText.extract(input.bytes(), input.source());
          case DocumentInput.MARKDOWN -> MarkdownText.plain(utf8(input.bytes()));
          default -> utf8(input.bytes());
        };
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (normalised.isEmpty()) {
      throw new DocumentException(
          input.source(),
          Problem.NO_TEXT,
          input.source()
              + " holds no text"
              + (input.mediaType().equals(DocumentInput.PDF)
                  ? "; a PDF of scanned pages needs OCR first"
                  : ""),
          null);
    }
    return normalised;
  }

  private static String utf8(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8); // malformed bytes become U+FFFD
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
