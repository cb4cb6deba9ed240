package dev.workflowengine.spring.google;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Google Workspace for the application's users: the OAuth client they authorize, how the Calendar,
 * Drive and Gmail clients reach Google, and the push notifications. Used when {@code
 * workflow-engine-google} is on the class path and {@code client-id} is set.
 *
 * <pre>
 * workflow-engine.google.client-id=${GOOGLE_CLIENT_ID}
 * workflow-engine.google.client-secret=${GOOGLE_CLIENT_SECRET}
 * workflow-engine.google.redirect-uri=https://app.example.com/oauth/google/callback
 * workflow-engine.google.scopes=https://www.googleapis.com/auth/calendar.readonly
 * workflow-engine.google.push.gmail-token=${GMAIL_PUSH_TOKEN}
 * </pre>
 *
 * <p>The default scopes are the narrowest that let every Google tool work: {@code calendar.events}
 * (read and write events, no calendar settings), {@code drive.file} (only files the application
 * created or the user opened with it), {@code gmail.readonly} and {@code gmail.send}. Ask for less
 * when the workflows need less: a user who consented to fewer scopes gets 403 answers from the
 * tools that need more, and {@code gmail.readonly} is a restricted scope that an application
 * offered to the public may ask for only after Google's verification. {@link #toString()} never
 * shows the client secret or the Gmail push token.
 *
 * @param clientId The OAuth client id from the Google Cloud console; setting it turns the Google
 *     beans on.
 * @param clientSecret The OAuth client's secret; required with a client id. Keep it in an
 *     environment variable or a secret manager.
 * @param redirectUri Where Google sends users back after consent; required with a client id, and
 *     registered for the client exactly as given here.
 * @param scopes The OAuth scopes users are asked to grant, as Google's full scope URLs.
 * @param credentialName The name users' tokens are stored under in the credential vault.
 * @param authUri Google's authorization (consent) endpoint; changed only for tests or proxies.
 * @param tokenUri Google's token endpoint, for code exchanges and refreshes; changed only for tests
 *     or proxies.
 * @param revokeUri Google's revocation endpoint, called when a user disconnects.
 * @param stateTtl How long a user has to come back from the consent page, at most 1h.
 * @param rootUrl One root URL for every Google API instead of Google's own, such as a test server
 *     or a proxy; it may have no path. Unset: Google's.
 * @param applicationName The application name sent to Google in the User-Agent.
 * @param connectTimeout The longest wait to open a connection to a Google API, at most a day.
 * @param readTimeout The longest wait for data on an open connection to a Google API, at most a
 *     day.
 * @param maxRetries How many times a call is retried after 429, 5xx, a rate-limit 403 or a network
 *     failure, from 0 to 20; other 4xx are never retried.
 * @param retryBaseDelay The first wait between retries, doubling with jitter; a Retry-After from
 *     Google replaces it.
 * @param retryMaxDelay The longest wait between retries; a longer Retry-After ends the retries.
 * @param rateLimit How many calls each user may make to Google, across all services.
 * @param circuitBreaker When a service's circuit breaker stops calls after repeated server errors.
 * @param registerTools Whether the eight Google tools (google.calendar.list_events, ...) are added
 *     to the workflow catalog, each acting for the user its run belongs to.
 * @param timeZone The zone the Calendar tools read dates and times without an offset in, and write
 *     their listings in. Unset: the JVM's default zone.
 * @param push Google's push notifications: Calendar channels and Gmail Pub/Sub pushes.
 */
@ConfigurationProperties(GoogleProperties.PREFIX)
public record GoogleProperties(
    String clientId,
    String clientSecret,
    URI redirectUri,
    @DefaultValue({
          "https://www.googleapis.com/auth/calendar.events",
          "https://www.googleapis.com/auth/drive.file",
          "https://www.googleapis.com/auth/gmail.readonly",
          "https://www.googleapis.com/auth/gmail.send"
        })
        List<String> scopes,
    @DefaultValue("google") String credentialName,
    @DefaultValue("https://accounts.google.com/o/oauth2/v2/auth") URI authUri,
    @DefaultValue("https://oauth2.googleapis.com/token") URI tokenUri,
    @DefaultValue("https://oauth2.googleapis.com/revoke") URI revokeUri,
    @DefaultValue("10m") Duration stateTtl,
    String rootUrl,
    @DefaultValue("workflow-engine") String applicationName,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("60s") Duration readTimeout,
    @DefaultValue("4") int maxRetries,
    @DefaultValue("1s") Duration retryBaseDelay,
    @DefaultValue("32s") Duration retryMaxDelay,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue CircuitBreaker circuitBreaker,
    @DefaultValue("true") boolean registerTools,
    ZoneId timeZone,
    @DefaultValue Push push) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.google";

  /** Checks every value, naming the property that is wrong but never showing a secret. */
  public GoogleProperties {
    checkClient(clientId, clientSecret, redirectUri);
    scopes = GoogleChecks.scopes(scopes, PREFIX + ".scopes");
    GoogleChecks.credentialName(credentialName, PREFIX + ".credential-name");
    GoogleChecks.httpUri(authUri, PREFIX + ".auth-uri");
    GoogleChecks.httpUri(tokenUri, PREFIX + ".token-uri");
    GoogleChecks.httpUri(revokeUri, PREFIX + ".revoke-uri");
    GoogleChecks.positive(stateTtl, PREFIX + ".state-ttl");
    GoogleChecks.atMost(stateTtl, Duration.ofHours(1), "1h", PREFIX + ".state-ttl");
    if (rootUrl != null) {
      rootUrl = GoogleChecks.rootUrl(rootUrl, PREFIX + ".root-url");
    }
    GoogleChecks.text(applicationName, PREFIX + ".application-name");
    GoogleChecks.upToADay(connectTimeout, false, PREFIX + ".connect-timeout");
    GoogleChecks.upToADay(readTimeout, false, PREFIX + ".read-timeout");
    GoogleChecks.between(maxRetries, 0, 20, PREFIX + ".max-retries");
    GoogleChecks.positive(retryBaseDelay, PREFIX + ".retry-base-delay");
    GoogleChecks.positive(retryMaxDelay, PREFIX + ".retry-max-delay");
    GoogleChecks.atMost(
        retryBaseDelay,
        retryMaxDelay,
        PREFIX + ".retry-max-delay (" + retryMaxDelay + ")",
        PREFIX + ".retry-base-delay");
  }

  /** The secret and the redirect URI are required only once a client id turns Google on. */
  private static void checkClient(String clientId, String clientSecret, URI redirectUri) {
    if (clientId != null) {
      GoogleChecks.text(clientId, PREFIX + ".client-id");
      GoogleChecks.required(
          clientSecret,
          PREFIX + ".client-secret",
          "the OAuth client's secret from the Google Cloud console");
      GoogleChecks.required(
          redirectUri,
          PREFIX + ".redirect-uri",
          "the callback URI registered for the OAuth client, such as"
              + " https://app.example.com/oauth/google/callback");
    }
    if (clientSecret != null) {
      GoogleChecks.text(clientSecret, PREFIX + ".client-secret");
    }
    if (redirectUri != null) {
      GoogleChecks.httpUri(redirectUri, PREFIX + ".redirect-uri");
    }
  }

  /** Everything but the client secret and the Gmail push token. */
  @Override
  public String toString() {
    return "GoogleProperties[clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? "unset" : "******")
        + ", redirectUri="
        + redirectUri
        + ", scopes="
        + scopes
        + ", credentialName="
        + credentialName
        + ", tokenUri="
        + tokenUri
        + ", rootUrl="
        + (rootUrl == null ? "Google's" : rootUrl)
        + ", registerTools="
        + registerTools
        + ", push="
        + push
        + "]";
  }

  /**
   * The per-user rate limit on calls to Google.
   *
   * @param requests How many calls each user may make per period, across Calendar, Drive and Gmail;
   *     a call over the limit fails without reaching Google.
   * @param period The period of the rate limit, at most a day.
   * @param maxWait How long a call over the limit waits for a permit before it fails, at most a
   *     day; 0 fails it at once.
   */
  public record RateLimit(
      @DefaultValue("100") int requests,
      @DefaultValue("1m") Duration period,
      @DefaultValue("0s") Duration maxWait) {

    /** Checks every value, naming the property that is wrong. */
    public RateLimit {
      String prefix = PREFIX + ".rate-limit";
      GoogleChecks.between(requests, 1, Integer.MAX_VALUE, prefix + ".requests");
      GoogleChecks.upToADay(period, false, prefix + ".period");
      GoogleChecks.upToADay(maxWait, true, prefix + ".max-wait");
    }
  }

  /**
   * The circuit breaker each Google service has of its own.
   *
   * @param failureThreshold How many consecutive calls to one service must fail with server errors
   *     or network failures, each after its retries, before calls to it fail at once; from 1 to
   *     1000.
   * @param delay How long calls to that service fail at once before one trial call goes through.
   */
  public record CircuitBreaker(
      @DefaultValue("5") int failureThreshold, @DefaultValue("30s") Duration delay) {

    /** Checks every value, naming the property that is wrong. */
    public CircuitBreaker {
      String prefix = PREFIX + ".circuit-breaker";
      GoogleChecks.between(failureThreshold, 1, 1000, prefix + ".failure-threshold");
      GoogleChecks.positive(delay, prefix + ".delay");
    }
  }

  /**
   * Google's push notifications, which the {@code GooglePushHandler} bean verifies before it starts
   * workflows for the user a notification concerns.
   *
   * @param gmailToken The shared secret every Gmail Pub/Sub push must carry, at least 16 random
   *     characters that need no escaping in a URL; put it in the push subscription's endpoint URL.
   *     Unset: Gmail notifications are refused, since anyone who knew the endpoint could otherwise
   *     start workflows for the registered mailboxes.
   * @param calendarWorkflows Ids of the workflows started on every Calendar change, owned by the
   *     channel's user, with the change as input.
   * @param gmailWorkflows Ids of the workflows started on every Gmail change, owned by the
   *     mailbox's user, with the change as input; they need a gmail-token.
   */
  public record Push(
      String gmailToken, List<String> calendarWorkflows, List<String> gmailWorkflows) {

    /** Shorter secrets can be guessed by sending requests. */
    private static final int MIN_TOKEN_LENGTH = 16;

    /** Checks every value, naming the property that is wrong but never showing the token. */
    public Push {
      String prefix = PREFIX + ".push";
      if (gmailToken != null
          && (gmailToken.length() < MIN_TOKEN_LENGTH
              || gmailToken.chars().anyMatch(Character::isWhitespace))) {
        throw new IllegalArgumentException(
            prefix
                + ".gmail-token must have at least "
                + MIN_TOKEN_LENGTH
                + " characters and no whitespace, so that it cannot be guessed; generate a random"
                + " one, such as with 'openssl rand -hex 24'");
      }
      calendarWorkflows = workflowIds(calendarWorkflows, prefix + ".calendar-workflows");
      gmailWorkflows = workflowIds(gmailWorkflows, prefix + ".gmail-workflows");
      if (!gmailWorkflows.isEmpty() && gmailToken == null) {
        throw new IllegalArgumentException(
            prefix
                + ".gmail-workflows needs "
                + prefix
                + ".gmail-token: without it no Gmail notification is accepted");
      }
    }

    private static List<String> workflowIds(List<String> ids, String property) {
      if (ids == null) {
        return List.of();
      }
      ids.forEach(id -> GoogleChecks.text(id, property));
      if (Set.copyOf(ids).size() < ids.size()) {
        throw new IllegalArgumentException(property + " names a workflow twice: " + ids);
      }
      return List.copyOf(ids);
    }

    /** Whether Gmail pushes are accepted: only with a token. */
    boolean acceptsGmail() {
      return gmailToken != null;
    }

    /** Everything but the token. */
    @Override
    public String toString() {
      return "Push[gmailToken="
          + (gmailToken == null ? "unset" : "******")
          + ", calendarWorkflows="
          + calendarWorkflows
          + ", gmailWorkflows="
          + gmailWorkflows
          + "]";
    }
  }
}
