package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import dev.workflowengine.core.credentials.CredentialVault;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link GoogleAuthorization}. Each setter checks its argument at once; {@link #build()}
 * checks that the required ones were set.
 *
 * <pre>{@code
 * GoogleAuthorization authorization = GoogleAuthorization.builder()
 *     .clientId(System.getenv("GOOGLE_CLIENT_ID"))
 *     .clientSecret(System.getenv("GOOGLE_CLIENT_SECRET"))
 *     .redirectUri(URI.create("https://app.example.com/oauth/google/callback"))
 *     .scopes(CalendarScopes.CALENDAR_EVENTS, DriveScopes.DRIVE_FILE, GmailScopes.GMAIL_SEND)
 *     .vault(vault)                                  // encrypts the tokens
 *     .build();
 * }</pre>
 *
 * <p>The scope constants are those of the google-api-services clients ({@code CalendarScopes},
 * {@code DriveScopes}, {@code GmailScopes}).
 *
 * <p>Not thread-safe. {@link #build()} copies the settings, so a reused builder shares nothing with
 * what it built.
 */
public final class GoogleAuthorizationBuilder {

  /** Google's OAuth 2.0 authorization endpoint. */
  public static final URI GOOGLE_AUTH_URI =
      URI.create("https://accounts.google.com/o/oauth2/v2/auth");

  /** Google's OAuth 2.0 token endpoint. */
  public static final URI GOOGLE_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");

  /** Google's OAuth 2.0 revocation endpoint. */
  public static final URI GOOGLE_REVOKE_URI = URI.create("https://oauth2.googleapis.com/revoke");

  private static final Duration MAX_STATE_TTL = Duration.ofHours(1);
  private static final Pattern CREDENTIAL_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private String clientId;
  private String clientSecret;
  private URI redirectUri;
  private List<String> scopes;
  private CredentialVault vault;
  private String credentialName = "google";
  private URI authUri = GOOGLE_AUTH_URI;
  private URI tokenUri = GOOGLE_TOKEN_URI;
  private URI revokeUri = GOOGLE_REVOKE_URI;
  private Duration stateTtl = Duration.ofMinutes(10);
  private Clock clock = Clock.systemUTC();
  private HttpTransport transport;

  GoogleAuthorizationBuilder() {}

  /** What {@link #build()} hands to the authorization: a checked, immutable copy. */
  record Settings(
      OAuthClient client,
      URI redirectUri,
      List<String> scopes,
      CredentialVault vault,
      String credentialName,
      URI authUri,
      URI revokeUri,
      Duration stateTtl,
      Clock clock) {}

  /**
   * The OAuth client id, from the Google Cloud console. Required.
   *
   * @param id the client id
   * @return this builder
   * @throws IllegalArgumentException if it is blank
   */
  public GoogleAuthorizationBuilder clientId(String id) {
    this.clientId = notBlank(id, "clientId");
    return this;
  }

  /**
   * The OAuth client secret, from the Google Cloud console. Required; never logged or printed.
   *
   * @param secret the client secret
   * @return this builder
   * @throws IllegalArgumentException if it is blank
   */
  public GoogleAuthorizationBuilder clientSecret(String secret) {
    this.clientSecret = notBlank(secret, "clientSecret");
    return this;
  }

  /**
   * Where Google sends the user back, with {@code code} and {@code state}; it must be registered
   * for the client exactly as given here. Required.
   *
   * @param uri an absolute http or https URI without a fragment
   * @return this builder
   * @throws IllegalArgumentException if it is not
   */
  public GoogleAuthorizationBuilder redirectUri(URI uri) {
    this.redirectUri = httpUri(uri, "redirectUri");
    return this;
  }

  /**
   * The scopes to ask for, replacing any set before. Required: at least one.
   *
   * @param scope for example {@code CalendarScopes.CALENDAR}
   * @return this builder
   * @throws IllegalArgumentException if none is given, or one is blank or has whitespace
   */
  public GoogleAuthorizationBuilder scopes(String... scope) {
    return scopes(Arrays.asList(requireNonNull(scope, "scope")));
  }

  /**
   * The scopes to ask for, replacing any set before. Required: at least one.
   *
   * @param scopes the scopes; duplicates are dropped
   * @return this builder
   * @throws IllegalArgumentException if none is given, or one is blank or has whitespace
   */
  public GoogleAuthorizationBuilder scopes(Collection<String> scopes) {
    requireNonNull(scopes, "scopes");
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException(
          "give at least one scope, for example CalendarScopes.CALENDAR");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String scope : scopes) {
      requireNonNull(scope, "scope");
      if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "a scope must be one non-blank word without whitespace but was '" + scope + "'");
      }
      unique.add(scope);
    }
    this.scopes = List.copyOf(unique);
    return this;
  }

  /**
   * The vault that encrypts the tokens before the engine's credential store sees them. Required.
   *
   * @param vault the vault
   * @return this builder
   */
  public GoogleAuthorizationBuilder vault(CredentialVault vault) {
    this.vault = requireNonNull(vault, "vault");
    return this;
  }

  /**
   * The name the tokens are stored under in the vault, per user; {@code google} by default. Give
   * each {@link GoogleAuthorization} of one vault its own.
   *
   * @param name 1 to 128 characters from ASCII letters, digits, '.', '_', ':' and '-'
   * @return this builder
   * @throws IllegalArgumentException if it is not
   */
  public GoogleAuthorizationBuilder credentialName(String name) {
    requireNonNull(name, "name");
    if (!CREDENTIAL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "credential name must be 1 to 128 characters from ASCII letters, digits, '.', '_', ':'"
              + " and '-', such as 'google' or 'google-work'");
    }
    this.credentialName = name;
    return this;
  }

  /**
   * The authorization endpoint; {@link #GOOGLE_AUTH_URI} by default.
   *
   * @param uri an absolute http or https URI
   * @return this builder
   */
  public GoogleAuthorizationBuilder authUri(URI uri) {
    this.authUri = httpUri(uri, "authUri");
    return this;
  }

  /**
   * The token endpoint, for code exchanges and refreshes; {@link #GOOGLE_TOKEN_URI} by default.
   *
   * @param uri an absolute http or https URI
   * @return this builder
   */
  public GoogleAuthorizationBuilder tokenUri(URI uri) {
    this.tokenUri = httpUri(uri, "tokenUri");
    return this;
  }

  /**
   * The revocation endpoint; {@link #GOOGLE_REVOKE_URI} by default.
   *
   * @param uri an absolute http or https URI
   * @return this builder
   */
  public GoogleAuthorizationBuilder revokeUri(URI uri) {
    this.revokeUri = httpUri(uri, "revokeUri");
    return this;
  }

  /**
   * How long a user has to come back from Google's consent page; 10 minutes by default.
   *
   * @param ttl more than zero and at most one hour
   * @return this builder
   * @throws IllegalArgumentException if it is not
   */
  public GoogleAuthorizationBuilder stateTtl(Duration ttl) {
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_STATE_TTL) > 0) {
      throw new IllegalArgumentException(
          "stateTtl must be more than zero and at most " + MAX_STATE_TTL + " but was " + ttl);
    }
    this.stateTtl = ttl;
    return this;
  }

  /**
   * The clock that times out pending flows; the system's by default. Token expiry follows the
   * system clock whatever is set here, because google-auth-library decides refreshes with it.
   *
   * @param clock the clock
   * @return this builder
   */
  public GoogleAuthorizationBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The HTTP transport for the token and revoke endpoints; a {@link NetHttpTransport} by default.
   *
   * @param httpTransport the transport
   * @return this builder
   */
  public GoogleAuthorizationBuilder transport(HttpTransport httpTransport) {
    this.transport = requireNonNull(httpTransport, "httpTransport");
    return this;
  }

  /**
   * Builds the authorization.
   *
   * @return an immutable, thread-safe authorization
   * @throws IllegalStateException if the client id, secret, redirect URI, scopes or vault is
   *     missing
   */
  public GoogleAuthorization build() {
    require(clientId, "clientId(String)", "the OAuth client id from the Google Cloud console");
    require(clientSecret, "clientSecret(String)", "the OAuth client secret of that client");
    require(redirectUri, "redirectUri(URI)", "the callback URI registered for the client");
    require(scopes, "scopes(String...)", "the scopes to ask for");
    require(vault, "vault(CredentialVault)", "the vault that encrypts the tokens");
    HttpTransport http = transport == null ? new NetHttpTransport() : transport;
    OAuthClient client = new OAuthClient(clientId, clientSecret, tokenUri, () -> http);
    return new GoogleAuthorization(
        new Settings(
            client,
            redirectUri,
            scopes,
            vault,
            credentialName,
            authUri,
            revokeUri,
            stateTtl,
            clock));
  }

  /** Leaves the secret out. */
  @Override
  public String toString() {
    return "GoogleAuthorizationBuilder[clientId=" + clientId + ", redirectUri=" + redirectUri + "]";
  }

  private static void require(Object value, String setter, String what) {
    if (value == null) {
      throw new IllegalStateException(
          "a GoogleAuthorization needs " + what + "; call " + setter + " before build()");
    }
  }

  private static String notBlank(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static URI httpUri(URI uri, String name) {
    requireNonNull(uri, name);
    String scheme = uri.getScheme();
    if (!uri.isAbsolute()
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
        || uri.getHost() == null
        || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          name + " must be an absolute http or https URI without a fragment but was " + uri);
    }
    return uri;
  }
}
