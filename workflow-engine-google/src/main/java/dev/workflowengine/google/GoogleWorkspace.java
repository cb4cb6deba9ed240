package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import com.google.api.client.googleapis.services.AbstractGoogleClient;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.auth.http.HttpCredentialsAdapter;
import dev.workflowengine.google.calendar.GoogleCalendar;
import dev.workflowengine.google.drive.GoogleDrive;
import dev.workflowengine.google.gmail.GoogleGmail;
import java.time.Duration;
import java.util.Optional;

/**
 * The Google Workspace APIs of one application, acting for its users: the entry point to the
 * Calendar, Drive and Gmail wrappers, and the one place their requests run with retries, per-user
 * rate limits and per-service circuit breakers.
 *
 * <pre>{@code
 * GoogleWorkspace google = GoogleWorkspace.builder()
 *     .credentials(authorization)          // a GoogleAuthorization
 *     .build();
 * List<CalendarEvent> week = google.calendar("u1")
 *     .listEvents(EventQuery.builder().timeMax(Instant.now().plus(Duration.ofDays(7))).build(), 50);
 * google.gmail("u1").send(OutgoingEmail.builder().to("ada@example.com").subject("Hi").text("…").build());
 * }</pre>
 *
 * <p>Every request runs through {@link #call}: up to 4 retries of 429, 5xx, 403 with a rate-limit
 * reason and network failures, with exponential backoff and jitter or the wait Google's {@code
 * Retry-After} asks for; a limit of 100 calls a minute per user; and per service a circuit breaker
 * that refuses calls for 30 s after 5 consecutive calls failed with server errors or network
 * failures. The builder changes each of these.
 *
 * <p>Thread-safe; build one per application and share it.
 */
public final class GoogleWorkspace {

  private final GoogleCredentialSource credentials;
  private final HttpTransport transport;
  private final JsonFactory jsonFactory;
  private final String rootUrl;
  private final String applicationName;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final ResilientCalls calls;

  GoogleWorkspace(GoogleWorkspaceBuilder builder) {
    this.credentials = requireNonNull(builder.credentials, "credentials");
    this.transport = builder.transport == null ? new NetHttpTransport() : builder.transport;
    this.jsonFactory = GsonFactory.getDefaultInstance();
    this.rootUrl = builder.rootUrl;
    this.applicationName = builder.applicationName;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.calls = new ResilientCalls(builder.resilienceSettings());
  }

  /**
   * Starts building a workspace.
   *
   * @return a new builder
   */
  public static GoogleWorkspaceBuilder builder() {
    return new GoogleWorkspaceBuilder();
  }

  /**
   * One user's Google Calendar.
   *
   * @param userId the user
   * @return the calendar, which sends nothing until used
   */
  public GoogleCalendar calendar(String userId) {
    return GoogleCalendar.of(this, userId);
  }

  /**
   * One user's Google Drive.
   *
   * @param userId the user
   * @return the Drive, which sends nothing until used
   */
  public GoogleDrive drive(String userId) {
    return GoogleDrive.of(this, userId);
  }

  /**
   * One user's Gmail mailbox.
   *
   * @param userId the user
   * @return the mailbox, which sends nothing until used
   */
  public GoogleGmail gmail(String userId) {
    return GoogleGmail.of(this, userId);
  }

  /**
   * Runs one request to a Google API for a user, within the user's rate limit and the service's
   * circuit breaker, retrying what is worth retrying.
   *
   * <pre>{@code
   * CalendarList calendars = google.call(GoogleService.CALENDAR, userId,
   *     () -> calendar.calendarList().list().execute());
   * }</pre>
   *
   * @param service the API, whose circuit breaker guards the call
   * @param userId the user the request acts for
   * @param call the request, which may run more than once
   * @param <T> what it returns
   * @return the answer
   * @throws GoogleApiException if Google answered with an error: at once for most 4xx, after the
   *     retries for 429, 5xx and 403 with a rate-limit reason
   * @throws NotConnectedException if the user has not authorised access; never retried
   * @throws ReauthorizationRequiredException if Google no longer honours the user's grant
   * @throws dev.workflowengine.api.RateLimitedException if the user is over their rate limit; no
   *     request was sent
   * @throws dev.workflowengine.api.UnavailableException if the network failed on every attempt, or
   *     the service's circuit breaker is open (no request was sent)
   */
  public <T> T call(GoogleService service, String userId, GoogleCall<T> call) {
    requireNonNull(service, "service");
    requireNonNull(userId, "userId");
    requireNonNull(call, "call");
    return calls.run(service, userId, call);
  }

  /**
   * Sets a Google client builder up as this workspace's clients are: its root URL (when overridden)
   * and application name.
   *
   * @param builder a client builder made with {@link #transport()}, {@link #jsonFactory()} and
   *     {@link #requestInitializer(String)}
   * @param <B> the builder's type
   * @return the builder
   */
  public <B extends AbstractGoogleClient.Builder> B configure(B builder) {
    if (rootUrl != null) {
      builder.setRootUrl(rootUrl);
    }
    builder.setApplicationName(applicationName);
    return builder;
  }

  /**
   * Authorises a user's requests and sets their timeouts. The credentials are looked up when a
   * request is sent, so a user who has not authorised fails there, inside {@link #call}.
   *
   * @param userId the user
   * @return the initializer for a Google client builder
   */
  public HttpRequestInitializer requestInitializer(String userId) {
    requireNonNull(userId, "userId");
    return request -> {
      new HttpCredentialsAdapter(credentials.credentials(userId)).initialize(request);
      // The adapter answers a 401 by refreshing the token and resending, up to the request's
      // retry count (10 by default): once is enough. Every other retry is call()'s, by policy.
      request.setNumberOfRetries(1);
      request.setConnectTimeout((int) connectTimeout.toMillis());
      request.setReadTimeout((int) readTimeout.toMillis());
    };
  }

  /**
   * The HTTP transport every client uses.
   *
   * @return the transport
   */
  public HttpTransport transport() {
    return transport;
  }

  /**
   * The JSON factory every client uses.
   *
   * @return Gson's
   */
  public JsonFactory jsonFactory() {
    return jsonFactory;
  }

  /**
   * The root URL that replaces every API's own, when one was set.
   *
   * @return the root URL
   */
  public Optional<String> rootUrl() {
    return Optional.ofNullable(rootUrl);
  }
}
