package dev.workflowengine.ollama;

import dev.workflowengine.api.WorkflowException;
import java.util.Optional;

/**
 * A profiles file cannot be used: it is not JSON, misses a key, or has a value of the wrong kind.
 * The message and the accessors name the file, the profile and the key, so the fix is one edit.
 *
 * <pre>{@code
 * try {
 *   ModelProfiles.load(Path.of("config/ollama/models.json"));
 * } catch (ModelProfileException e) {
 *   log.error("fix {} (profile {}, key {}): {}", e.source(), e.profile(), e.key(), e.getMessage());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public class ModelProfileException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String profile;
  private final String key;

  /**
   * Creates the exception.
   *
   * @param source the file or stream read, for example {@code config/ollama/models.json}
   * @param profile the profile concerned, or {@code null} for the file as a whole
   * @param key the key concerned, or {@code null} for the profile or file as a whole
   * @param problem what is wrong and what to do
   * @param cause the underlying failure, or {@code null}
   */
  public ModelProfileException(
      String source, String profile, String key, String problem, Throwable cause) {
    super(message(source, profile, key, problem), cause);
    this.source = source;
    this.profile = profile;
    this.key = key;
  }

  /**
   * The file or stream that was read.
   *
   * @return its name
   */
  public String source() {
    return source;
  }

  /**
   * The profile concerned.
   *
   * @return the profile's name, empty when the file as a whole is broken
   */
  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  /**
   * The key concerned.
   *
   * @return the key, empty when a whole profile or file is concerned
   */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  private static String message(String source, String profile, String key, String problem) {
    StringBuilder where = new StringBuilder("model profiles ").append(source);
    if (profile != null) {
      where.append(", profile '").append(profile).append('\'');
    }
    if (key != null) {
      where.append(", key '").append(key).append('\'');
    }
    return where.append(": ").append(problem).toString();
  }
}
