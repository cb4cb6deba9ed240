package dev.workflowengine.core.patterns;

import dev.workflowengine.api.DocumentException;
import dev.workflowengine.api.DocumentException.Problem;
import dev.workflowengine.core.WorkflowState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The document a run was started with: a file path, or bytes with a media type, read into memory
 * with its type settled.
 */
record DocumentInput(String source, byte[] bytes, String mediaType) {

  static final String PLAIN = "text/plain";
  static final String MARKDOWN = "text/markdown";
  static final String PDF = "application/pdf";

  static DocumentInput read(WorkflowState state, long maxBytes) {
    Optional<String> declared =
        state.find(DocumentAnalysis.MEDIA_TYPE, String.class).map(DocumentInput::essence);
    if (state.has(DocumentAnalysis.PATH)) {
      Path path = Path.of(state.getString(DocumentAnalysis.PATH));
      String source = path.toString();
      byte[] bytes = readFile(path, source, maxBytes);
      String type =
          declared.orElseGet(() -> byExtension(path).orElseGet(() -> sniffed(bytes, source)));
      return new DocumentInput(source, bytes, checked(type, source));
    }
    if (state.has(DocumentAnalysis.BYTES)) {
      byte[] bytes = bytes(state.find(DocumentAnalysis.BYTES).orElseThrow());
      String source =
          "the " + bytes.length + " bytes in state key '" + DocumentAnalysis.BYTES + "'";
      if (bytes.length > maxBytes) {
        throw tooLarge(source, bytes.length, maxBytes);
      }
      return new DocumentInput(
          source, bytes, checked(declared.orElseGet(() -> sniffed(bytes, source)), source));
    }
    throw new DocumentException(
        "the start input",
        Problem.UNREADABLE,
        "no document given: start the run with '"
            + DocumentAnalysis.PATH
            + "' (a file path) or '"
            + DocumentAnalysis.BYTES
            + "' (bytes) and '"
            + DocumentAnalysis.MEDIA_TYPE
            + "'",
        null);
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    String source = "state key '" + DocumentAnalysis.BYTES + "'";
    if (value instanceof String base64) { // how a checkpoint stores bytes: a recovered run
      try {
        return Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException notBase64) {
        throw new DocumentException(
            source, Problem.MALFORMED, source + " holds text that is not base64", notBase64);
      }
    }
    throw new DocumentException(
        source,
        Problem.UNREADABLE,
        source + " holds a " + value.getClass().getSimpleName() + "; give a byte[]",
        null);
  }

  private static byte[] readFile(Path path, String source, long maxBytes) {
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        throw tooLarge(source, size, maxBytes);
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new DocumentException(
          source, Problem.UNREADABLE, "file '" + source + "' does not exist", e);
    } catch (IOException e) {
      throw new DocumentException(
          source,
          Problem.UNREADABLE,
          "file '" + source + "' cannot be read (" + e + "); check its permissions",
          e);
    }
  }

  private static DocumentException tooLarge(String source, long size, long maxBytes) {
    return new DocumentException(
        source,
        Problem.TOO_LARGE,
        source
            + " has "
            + size
            + " bytes, more than the limit of "
            + maxBytes
            + "; raise DocumentAnalysisBuilder.maxDocumentBytes or split the document",
        null);
  }

  /** "Text/Markdown; charset=UTF-8" is "text/markdown". */
  private static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  private static Optional<String> byExtension(Path path) {
    Path name = path.getFileName();
    String file = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (file.endsWith(".pdf")) {
      return Optional.of(PDF);
    }
    if (file.endsWith(".md") || file.endsWith(".markdown")) {
      return Optional.of(MARKDOWN);
    }
    if (file.endsWith(".txt") || file.endsWith(".text")) {
      return Optional.of(PLAIN);
    }
    return Optional.empty();
  }

  /** Only PDF announces itself reliably; guessing text from bytes would accept any binary. */
  private static String sniffed(byte[] bytes, String source) {
    if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
      return PDF;
    }
    throw unsupported(source, "no media type was given and none follows from the file name");
  }

  private static String checked(String type, String source) {
    return switch (type) {
      case PLAIN, MARKDOWN, PDF -> type;
      case "text/x-markdown" -> MARKDOWN;
      default -> throw unsupported(source, "media type '" + type + "' is not supported");
    };
  }

  private static DocumentException unsupported(String source, String why) {
    return new DocumentException(
        source,
        Problem.UNSUPPORTED_TYPE,
        "cannot read "
            + source
            + ": "
            + why
            + "; supported are text/plain (.txt), text/markdown (.md) and application/pdf (.pdf)",
        null);
  }
}
