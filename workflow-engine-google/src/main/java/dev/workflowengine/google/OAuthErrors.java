package dev.workflowengine.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the RFC 6749 error code ({@code {"error":"invalid_grant", ...}}) out of a token or revoke
 * endpoint's answer. google-auth-library keeps the answer in an {@link HttpResponseException}
 * somewhere in the cause chain of the {@code IOException} it throws, without parsing it.
 */
final class OAuthErrors {

  static final String INVALID_GRANT = "invalid_grant";

  private static final ObjectMapper JSON = new ObjectMapper();

  private OAuthErrors() {}

  static Optional<HttpResponseException> responseIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException) {
        return Optional.of((HttpResponseException) t);
      }
    }
    return Optional.empty();
  }

  /** The {@code error} member of the answer, when it is a JSON object with one. */
  static Optional<String> errorCode(HttpResponseException response) {
    return errorCode(response.getContent());
  }

  static Optional<String> errorCode(String body) {
    // Google's APIs (not its OAuth endpoints) nest an object under "error"; that is no code.
    return textMember(body, "error");
  }

  /** The {@code error_description} member of the answer, when it is a JSON object with one. */
  static Optional<String> errorDescription(HttpResponseException response) {
    return textMember(response.getContent(), "error_description");
  }

  private static Optional<String> textMember(String body, String name) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode member = JSON.readTree(body).path(name);
      return member.isTextual() ? Optional.of(member.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether a refresh failed because Google no longer honours the refresh token. */
  static boolean isInvalidGrant(Throwable failure) {
    return responseIn(failure)
        .filter(response -> response.getStatusCode() == 400)
        .flatMap(OAuthErrors::errorCode)
        .filter(INVALID_GRANT::equals)
        .isPresent();
  }
}
