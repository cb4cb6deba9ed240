package dev.workflowengine.ollama;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one kind of NDJSON line into its record. One instance serves one stream (it may cache
 * strings that repeat on every line), so implementations need no synchronisation.
 *
 * @param <T> the record a line becomes
 */
interface ChunkReader<T> {

  /**
   * Reads the object the parser is positioned on ({@code START_OBJECT}) up to its end.
   *
   * @throws ErrorLine when the object is Ollama's {@code {"error": ...}}
   */
  T read(JsonParser parser) throws IOException;

  /** Whether this is the stream's last element: {@code done: true}, or the final progress line. */
  boolean isFinal(T chunk);

  /** The answer text this chunk adds, kept so that a failure can report the partial answer. */
  String content(T chunk);

  /** The thinking this chunk adds. */
  String thinking(T chunk);

  /**
   * Ollama's {@code {"error": "..."}} line. Thrown without a stack trace: it is caught one frame up
   * and turned into the public exception.
   */
  final class ErrorLine extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ErrorLine(String message) {
      super(message, null, false, false);
    }
  }
}
