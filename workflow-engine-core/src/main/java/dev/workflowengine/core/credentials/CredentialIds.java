package dev.workflowengine.core.credentials;

import static java.util.Objects.requireNonNull;

/**
 * Checks user ids, credential names and key ids before they reach a store or the associated data.
 *
 * <p>Messages never echo the rejected value: a caller who swaps the name and secret arguments of
 * {@code putString} would otherwise see the secret in an exception (and in whatever log it lands
 * in). They give the length and the index of the offending character instead.
 */
final class CredentialIds {

  static final int MAX_USER_ID_LENGTH = 256;
  static final int MAX_NAME_LENGTH = 128;
  static final int MAX_KEY_ID_LENGTH = 64;

  private CredentialIds() {}

  /**
   * A user id: 1 to 256 characters, no whitespace, no control characters, no unpaired surrogates.
   * Unpaired surrogates are refused because UTF-8 encoding would turn different ids into the same
   * associated data.
   */
  static String userId(String userId) {
    requireNonNull(userId, "userId");
    if (userId.isEmpty()) {
      throw new IllegalArgumentException(
          "user id must not be empty; pass the id of the user who owns the credential");
    }
    if (userId.length() > MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "user id must have at most "
              + MAX_USER_ID_LENGTH
              + " characters but has "
              + userId.length()
              + "; pass a stable short id, such as the subject of the user's login");
    }
    int bad = firstBadUserIdChar(userId);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "user id must not contain whitespace, control characters or unpaired surrogates, but"
              + " has one at index "
              + bad
              + " (of "
              + userId.length()
              + " characters); pass the id without it");
    }
    return userId;
  }

  /** A credential name: 1 to 128 characters from letters, digits, '.', '_', ':' and '-'. */
  static String name(String name) {
    requireNonNull(name, "name");
    String problem = tokenProblem(name, MAX_NAME_LENGTH);
    if (problem != null) {
      throw new IllegalArgumentException(
          "credential name must be 1 to "
              + MAX_NAME_LENGTH
              + " characters from ASCII letters, digits, '.', '_', ':' and '-', but "
              + problem
              + "; use a name such as 'google' or 'openai-api-key'");
    }
    return name;
  }

  /** A key id: 1 to 64 characters from letters, digits, '.', '_', ':' and '-'. */
  static String keyId(String keyId) {
    requireNonNull(keyId, "keyId");
    String problem = tokenProblem(keyId, MAX_KEY_ID_LENGTH);
    if (problem != null) {
      throw new IllegalArgumentException(
          "key id must be 1 to "
              + MAX_KEY_ID_LENGTH
              + " characters from ASCII letters, digits, '.', '_', ':' and '-', but "
              + problem
              + "; use an id such as 'k1' or '2026-01'");
    }
    return keyId;
  }

  static boolean isValidKeyId(String keyId) {
    return tokenProblem(keyId, MAX_KEY_ID_LENGTH) == null;
  }

  private static int firstBadUserIdChar(String userId) {
    for (int i = 0; i < userId.length(); i++) {
      char c = userId.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        return i;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < userId.length()
          && Character.isLowSurrogate(userId.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static String tokenProblem(String token, int maxLength) {
    if (token.isEmpty()) {
      return "it is empty";
    }
    if (token.length() > maxLength) {
      return "it has " + token.length() + " characters";
    }
    for (int i = 0; i < token.length(); i++) {
      if (!isTokenChar(token.charAt(i))) {
        return "it has a character that is not allowed at index " + i;
      }
    }
    return null;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == ':'
        || c == '-';
  }
}
