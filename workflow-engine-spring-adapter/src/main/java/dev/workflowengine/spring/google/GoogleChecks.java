package dev.workflowengine.spring.google;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks for {@link GoogleProperties}, each failure naming the property by its full name: Spring
 * Boot reports a record that cannot be built as a failed bind of the whole prefix, and the operator
 * must see which line to fix. The bounds are the Google module's builders' own, checked here first
 * so that a wrong value fails at binding with the property's name instead of a builder's argument
 * name. No message quotes a value that might be a secret.
 */
final class GoogleChecks {

  private static final Duration A_DAY = Duration.ofDays(1);
  private static final Pattern CREDENTIAL_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private GoogleChecks() {}

  static String text(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(property + " must not be blank");
    }
    return value;
  }

  static String credentialName(String value, String property) {
    if (value == null || !CREDENTIAL_NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          property
              + " must be 1 to 128 characters from ASCII letters, digits, '.', '_', ':' and '-'"
              + " but was '"
              + value
              + "'");
    }
    return value;
  }

  static <T> T required(T value, String property, String what) {
    if (value == null) {
      throw new IllegalArgumentException(
          property + " must be set when " + GoogleProperties.PREFIX + ".client-id is: " + what);
    }
    return value;
  }

  static int between(int value, int min, int max, String property) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          property + " must be from " + min + " to " + max + " but was " + value);
    }
    return value;
  }

  static Duration atMost(Duration value, Duration max, String maxText, String property) {
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          property + " must be at most " + maxText + " but was " + value);
    }
    return value;
  }

  static List<String> scopes(List<String> scopes, String property) {
    if (scopes == null || scopes.isEmpty()) {
      throw new IllegalArgumentException(
          property
              + " must name at least one scope, such as"
              + " https://www.googleapis.com/auth/calendar.events");
    }
    for (String scope : scopes) {
      if (scope == null || scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            property + " must be scope URLs without whitespace but has '" + scope + "'");
      }
    }
    return List.copyOf(scopes);
  }

  static Duration positive(Duration value, String property) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          property + " must be a positive duration, such as 30s, but was " + value);
    }
    return value;
  }

  /** The rate limiter counts in nanoseconds; a day keeps its arithmetic far from overflowing. */
  static Duration upToADay(Duration value, boolean zeroAllowed, String property) {
    if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(
          property
              + " must be "
              + (zeroAllowed ? "zero or more" : "a positive duration, such as 30s,")
              + " but was "
              + value);
    }
    if (value.compareTo(A_DAY) > 0) {
      throw new IllegalArgumentException(property + " must be at most a day but was " + value);
    }
    return value;
  }

  static URI httpUri(URI value, String property) {
    String scheme = value == null ? null : value.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || value.getHost() == null
        || value.getFragment() != null) {
      throw new IllegalArgumentException(
          property + " must be an absolute http or https URI without a fragment but was " + value);
    }
    return value;
  }

  /**
   * A root URL for every Google API: upload and download paths start at its root, so it may have no
   * path, and the clients want it to end with a slash.
   */
  static String rootUrl(String value, String property) {
    URI uri;
    try {
      uri = httpUri(URI.create(text(value, property).strip()), property);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          property
              + " must be an http or https URL such as http://localhost:8089 but was "
              + value);
    }
    String path = uri.getRawPath();
    if (!(path == null || path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          property
              + " must have no path or query, since every API's paths start at its root, but was "
              + value);
    }
    String url = uri.toString();
    return url.endsWith("/") ? url : url + "/";
  }
}
