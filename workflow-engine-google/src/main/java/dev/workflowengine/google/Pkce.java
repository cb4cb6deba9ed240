package dev.workflowengine.google;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One flow's PKCE pair (RFC 7636). Hand-written rather than google-auth-library's {@code
 * DefaultPKCEProvider}, whose verifier is 172 padded characters (the RFC allows 43 to 128
 * unreserved ones) and whose single instance a {@code UserAuthorizer} shares across all flows.
 *
 * @param verifier 43 characters of base64url without padding: 256 random bits, as RFC 7636 section
 *     4.1 recommends
 * @param challenge the S256 challenge: base64url(SHA-256(ASCII(verifier))) without padding
 */
record Pkce(String verifier, String challenge) {

  static final String METHOD = "S256";

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  static Pkce generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String verifier = BASE64URL.encodeToString(bytes);
    return new Pkce(verifier, challengeOf(verifier));
  }

  static String challengeOf(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide SHA-256; reaching this means a broken JCA setup.
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }

  /** The verifier is a secret until the code exchange; never print it. */
  @Override
  public String toString() {
    return "Pkce[method=" + METHOD + "]";
  }
}
