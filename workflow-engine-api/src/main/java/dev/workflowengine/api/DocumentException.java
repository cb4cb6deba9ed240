package dev.workflowengine.api;

import static java.util.Objects.requireNonNull;

/**
 * A document given to a workflow could not be turned into text: the file cannot be read, its type
 * is not supported, it is encrypted, damaged, too large, or holds no text. Not retriable: the same
 * document fails the same way.
 *
 * <pre>{@code
 * try {
 *   analysis.invoke(Map.of(DocumentAnalysis.PATH, "report.pdf"));
 * } catch (WorkflowExecutionException e) {
 *   if (e.getCause() instanceof DocumentException bad && bad.problem() == Problem.ENCRYPTED) {
 *     askForAnUnprotectedCopy(bad.source());
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public class DocumentException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  /** What was wrong with the document. */
  public enum Problem {
    /** The file does not exist or cannot be read. */
    UNREADABLE,
    /** The media type or file extension is not one the reader understands. */
    UNSUPPORTED_TYPE,
    /** The document is password-protected. */
    ENCRYPTED,
    /** The bytes are not a valid document of the stated type. */
    MALFORMED,
    /** The document is larger than the configured limit. */
    TOO_LARGE,
    /** The document holds no text, such as a PDF of scanned images. */
    NO_TEXT
  }

  private final String source;
  private final Problem problem;

  /**
   * Creates the exception.
   *
   * @param source the file path, or a description of in-memory bytes
   * @param problem what was wrong
   * @param message what was wrong and what to do
   * @param cause the underlying failure, or {@code null}
   */
  public DocumentException(String source, Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.source = requireNonNull(source, "source");
    this.problem = requireNonNull(problem, "problem");
  }

  /**
   * The document: a file path, or a description of in-memory bytes.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * What was wrong.
   *
   * @return the problem
   */
  public Problem problem() {
    return problem;
  }
}
