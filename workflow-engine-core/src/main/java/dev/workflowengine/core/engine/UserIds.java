package dev.workflowengine.core.engine;

import dev.workflowengine.api.WorkflowValidationException;
import java.util.regex.Pattern;

/** The rule every user id passed to an engine follows. */
final class UserIds {

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@:+\\-]{0,127}");

  private UserIds() {}

  static String check(String userId) {
    if (userId == null || !USER_ID.matcher(userId).matches()) {
      throw new WorkflowValidationException(
          "the user id",
          "userId",
          "'"
              + userId
              + "' is not a valid user id: use 1 to 128 letters, digits and _ . @ : + -,"
              + " starting with a letter or digit");
    }
    return userId;
  }
}
