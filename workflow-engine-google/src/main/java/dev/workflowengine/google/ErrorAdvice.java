package dev.workflowengine.google;

import java.time.Duration;

/**
 * What to do about an error answer from Google, in the words an application developer needs: the
 * second half of every {@link GoogleApiException} message.
 */
final class ErrorAdvice {

  private ErrorAdvice() {}

  /**
   * The advice for a status and Google's reason.
   *
   * @param reason the first {@code errors[].reason}, or {@code null}
   */
  static String forAnswer(GoogleService service, int status, String reason) {
    String name = service.displayName();
    if (status >= 500) {
      return name
          + " failed on its side; try again later (Google's Workspace status dashboard shows"
          + " outages).";
    }
    return switch (status) {
      case 400 ->
          "The request is invalid: fix what the message names; sent again unchanged it fails"
              + " again.";
      case 401 ->
          "Google refused the user's credentials even after refreshing the access token:"
              + " re-authorise the user by sending them through"
              + " GoogleAuthorization.authorizationUrl(userId).";
      case 403 -> forbidden(name, reason);
      case 404 -> "Nothing with that id exists, or the user cannot see it: check the id.";
      case 409 ->
          "It conflicts with what exists (an item with that id, or a concurrent change): read the"
              + " current state before trying again.";
      case 410 -> "It is gone; for a sync token, start again with a full sync.";
      case 412 ->
          "The item changed since it was read (its ETag no longer matches): read it again and"
              + " reapply the change.";
      case 429 -> slowDown(name);
      default -> "Check the request against the " + name + " API documentation.";
    };
  }

  private static String forbidden(String name, String reason) {
    if ("insufficientPermissions".equals(reason)
        || "ACCESS_TOKEN_SCOPE_INSUFFICIENT".equals(reason)) {
      return "The user has not granted the scopes this call needs: ask for them by sending the"
          + " user through GoogleAuthorization.authorizationUrl(userId) with the "
          + name
          + " scopes.";
    }
    if (GoogleApiException.isRateLimitReason(reason)) {
      return slowDown(name);
    }
    if ("dailyLimitExceeded".equals(reason) || "quotaExceeded".equals(reason)) {
      return "The project's quota for "
          + name
          + " is used up: wait for it to reset, or raise it in the Google Cloud console.";
    }
    return "The user may not do this: the item is not theirs or not shared with them, or a domain"
        + " policy forbids it; check the id and its sharing.";
  }

  private static String slowDown(String name) {
    return name
        + " is rate-limiting this user or project: send fewer requests (lower"
        + " GoogleWorkspace.builder().rateLimit(...)) or try again later.";
  }

  /** A duration as people read it: {@code 250 ms}, {@code 12 s}, {@code 1 min 30 s}. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    long seconds = (millis + 999) / 1000;
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    long rest = seconds % 60;
    return minutes + " min" + (rest == 0 ? "" : " " + rest + " s");
  }
}
