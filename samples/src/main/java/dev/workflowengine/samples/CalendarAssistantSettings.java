package dev.workflowengine.samples;

import dev.workflowengine.google.GoogleAuthorizationBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the calendar assistant needs: an OAuth client and a redirect URI from environment variables,
 * and where Google's endpoints are (Google's own, or a test's stand-in).
 *
 * @param clientId the OAuth client id, if set
 * @param clientSecret the OAuth client secret, if set
 * @param redirectUri where Google sends the browser back; this sample listens there
 * @param endpoints Google's authorization, token and API addresses
 * @param clock now and the zone the week is read in
 * @param callbackTimeout how long to wait for the browser to come back
 */
record CalendarAssistantSettings(
    Optional<String> clientId,
    Optional<String> clientSecret,
    String redirectUri,
    GoogleEndpoints endpoints,
    Clock clock,
    Duration callbackTimeout) {

  static final String CLIENT_ID = "GOOGLE_CLIENT_ID";
  static final String CLIENT_SECRET = "GOOGLE_CLIENT_SECRET";
  static final String REDIRECT_URI = "GOOGLE_REDIRECT_URI";
  static final String DEFAULT_REDIRECT_URI = "http://localhost:8765/oauth2/callback";
  static final Duration CALLBACK_TIMEOUT = Duration.ofMinutes(5);

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  /** From GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and GOOGLE_REDIRECT_URI; blank counts as unset. */
  static CalendarAssistantSettings fromEnvironment(Map<String, String> environment) {
    return new CalendarAssistantSettings(
        variable(environment, CLIENT_ID),
        variable(environment, CLIENT_SECRET),
        variable(environment, REDIRECT_URI).orElse(DEFAULT_REDIRECT_URI),
        GoogleEndpoints.GOOGLE,
        Clock.systemDefaultZone(),
        CALLBACK_TIMEOUT);
  }

  /** What keeps the sample from running, one sentence each; empty when it can run. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (clientId.isEmpty()) {
      problems.add(CLIENT_ID + " is not set");
    }
    if (clientSecret.isEmpty()) {
      problems.add(CLIENT_SECRET + " is not set");
    }
    if (!listenable(redirectUri)) {
      // The sample receives the redirect itself, so it must be an address of this machine.
      problems.add(
          REDIRECT_URI
              + " is '"
              + redirectUri
              + "', but must be http://localhost (or 127.0.0.1) with a port and a path, such as "
              + DEFAULT_REDIRECT_URI);
    }
    return problems;
  }

  URI callbackUri() {
    return URI.create(redirectUri);
  }

  private static boolean listenable(String uri) {
    try {
      URI parsed = new URI(uri);
      return "http".equals(parsed.getScheme())
          && LOOPBACK.contains(parsed.getHost())
          && parsed.getPort() > 0
          && parsed.getPath().startsWith("/")
          && parsed.getRawQuery() == null
          && parsed.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Optional<String> variable(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /**
   * Where the OAuth endpoints and the APIs are.
   *
   * @param authUri the consent page
   * @param tokenUri the token endpoint
   * @param apiRootUrl the root of every API, when not Google's own
   */
  record GoogleEndpoints(URI authUri, URI tokenUri, Optional<String> apiRootUrl) {
    static final GoogleEndpoints GOOGLE =
        new GoogleEndpoints(
            GoogleAuthorizationBuilder.GOOGLE_AUTH_URI,
            GoogleAuthorizationBuilder.GOOGLE_TOKEN_URI,
            Optional.empty());
  }
}
