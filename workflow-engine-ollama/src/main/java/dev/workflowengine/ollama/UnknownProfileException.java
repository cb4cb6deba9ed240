package dev.workflowengine.ollama;

import dev.workflowengine.api.NotFoundException;
import java.util.List;

/**
 * A model profile was asked for by a name that no profile has. The message lists the known names.
 *
 * <pre>{@code
 * try {
 *   models.chatModel("fast");
 * } catch (UnknownProfileException e) {
 *   log.error("pick one of {}", e.knownProfiles());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public class UnknownProfileException extends NotFoundException {

  private static final long serialVersionUID = 1L;

  private final String profile;
  private final List<String> knownProfiles;

  /**
   * Creates the exception.
   *
   * @param profile the name asked for
   * @param knownProfiles the names that exist
   */
  public UnknownProfileException(String profile, List<String> knownProfiles) {
    super(
        "no model profile named '"
            + profile
            + "'; known profiles: "
            + (knownProfiles.isEmpty() ? "none" : String.join(", ", knownProfiles))
            + ". Add it with ModelProfiles.builder().profile(...) or to the profiles file.");
    this.profile = profile;
    this.knownProfiles = List.copyOf(knownProfiles);
  }

  /**
   * The name asked for.
   *
   * @return the name
   */
  public String profile() {
    return profile;
  }

  /**
   * The names that exist, sorted.
   *
   * @return the names
   */
  public List<String> knownProfiles() {
    return knownProfiles;
  }
}
