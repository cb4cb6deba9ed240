package dev.workflowengine.google.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Comparing secrets, and quoting untrusted values in messages and logs. */
final class Secrets {

  private static final int MAX_QUOTED = 80;

  private Secrets() {}

  /**
   * Whether a presented secret equals the expected one, in time that depends on neither. Both are
   * hashed first because {@link MessageDigest#isEqual} returns at once when the lengths differ,
   * which would tell a caller how long the secret is.
   */
  static boolean matches(String expected, String presented) {
    return MessageDigest.isEqual(sha256(expected), sha256(presented));
  }

  /**
   * A value from a request, quoted for a message or log line: control characters (which could forge
   * log lines) become {@code ?}, and long values are cut.
   */
  static String quote(String untrusted) {
    StringBuilder quoted = new StringBuilder("'");
    int end = Math.min(untrusted.length(), MAX_QUOTED);
    for (int i = 0; i < end; i++) {
      char c = untrusted.charAt(i);
      quoted.append(Character.isISOControl(c) ? '?' : c);
    }
    if (untrusted.length() > MAX_QUOTED) {
      quoted.append("...");
    }
    return quoted.append('\'').toString();
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
