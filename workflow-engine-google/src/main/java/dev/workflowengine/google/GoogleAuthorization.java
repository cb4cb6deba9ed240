package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import com.google.auth.Credentials;
import dev.workflowengine.api.CredentialException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 authorization of an application's users with their Google accounts: sends each user to
 * Google's consent page, takes the callback, keeps their tokens encrypted in the engine's {@link
 * dev.workflowengine.core.credentials.CredentialVault}, refreshes them, and revokes them.
 *
 * <pre>{@code
 * GoogleAuthorization authorization = GoogleAuthorization.builder()
 *     .clientId(clientId).clientSecret(clientSecret)
 *     .redirectUri(URI.create("https://app.example.com/oauth/google/callback"))
 *     .scopes(CalendarScopes.CALENDAR, GmailScopes.GMAIL_SEND)
 *     .vault(vault)
 *     .build();
 *
 * URI consent = authorization.authorizationUrl("u1");         // 1. redirect the user's browser here
 * AuthorizationStatus s = authorization.handleCallback(       // 2. on the redirect URI
 *     request.getParameter("code"), request.getParameter("state"));
 * GoogleWorkspace google = GoogleWorkspace.builder()          // 3. call Google as the user
 *     .credentials(authorization).build();
 * authorization.disconnect("u1");                             // revoke at Google and forget
 * }</pre>
 *
 * <p><b>Security.</b> Every flow gets its own {@code state} (256 random bits, single-use, bound to
 * the user who started it, expiring after {@link GoogleAuthorizationBuilder#stateTtl}) and its own
 * PKCE S256 pair. A callback with a state that is unknown, used or expired is refused before any
 * request to Google. Tokens are stored only through the vault, which encrypts them bound to the
 * user: one user's stored tokens cannot be read as another's. No token, code or secret appears in a
 * log, an exception or a {@code toString()}.
 *
 * <p><b>Several instances.</b> Pending flows live in this object's memory (each holds its PKCE
 * verifier, which need never be stored): route a callback to the instance that issued its URL. The
 * tokens themselves are in the vault's store and shared by all instances.
 *
 * <p><b>Refresh and dead grants.</b> Access tokens are refreshed at the configured token URI before
 * they expire and the new ones are stored. When Google refuses the refresh token ({@code
 * invalid_grant}) the stored tokens are deleted and {@link ReauthorizationRequiredException} is
 * thrown: the user must authorise again, and {@link #status} says they are not connected.
 *
 * <p>Thread-safe; build one per application and share it.
 */
public final class GoogleAuthorization implements GoogleCredentialSource {

  private static final Logger log = LoggerFactory.getLogger(GoogleAuthorization.class);
  private static final int MAX_USER_ID_LENGTH = 256;

  private final OAuthClient client;
  private final URI redirectUri;
  private final List<String> scopes;
  private final Duration stateTtl;
  private final CodeFlow flow;
  private final PendingAuthorizations pending;
  private final TokenVault tokens;
  private final Revocation revocation;

  GoogleAuthorization(GoogleAuthorizationBuilder.Settings settings) {
    this.client = settings.client();
    this.redirectUri = settings.redirectUri();
    this.scopes = settings.scopes();
    this.stateTtl = settings.stateTtl();
    this.flow = new CodeFlow(client, redirectUri, settings.authUri(), scopes);
    this.pending = new PendingAuthorizations(settings.clock(), stateTtl);
    this.tokens = new TokenVault(settings.vault(), settings.credentialName());
    this.revocation = new Revocation(settings.revokeUri(), client.transports());
  }

  /**
   * Starts building an authorization.
   *
   * @return a new builder
   */
  public static GoogleAuthorizationBuilder builder() {
    return new GoogleAuthorizationBuilder();
  }

  /**
   * Starts a flow: the Google consent page to send the user's browser to. It asks for offline
   * access with consent (so Google issues a refresh token), carries a fresh state and PKCE
   * challenge, and is good for one callback within the state's lifetime.
   *
   * @param userId the application's id of the user, who will own the tokens
   * @return the URL of Google's consent page
   * @throws IllegalArgumentException if the user id is empty, longer than 256 characters or has
   *     whitespace or control characters (the vault would refuse it after the user consented)
   */
  public URI authorizationUrl(String userId) {
    checkUserId(userId);
    PendingAuthorizations.Issued issued = pending.issue(userId);
    log.debug("started Google authorization for user '{}'", userId);
    return flow.authorizationUrl(issued.state(), issued.pkce());
  }

  /**
   * Finishes a flow: checks the state, exchanges the code (with the flow's PKCE verifier) and
   * stores the tokens for the user who started the flow, replacing any they had. If Google
   * redirected with an {@code error} parameter instead of a code (the user declined), do not call
   * this; the pending flow expires by itself.
   *
   * @param code the {@code code} query parameter of the callback
   * @param state the {@code state} query parameter of the callback
   * @return the now-connected user's status; its user id says who authorised
   * @throws AuthorizationStateException if the state is unknown, already used or expired; nothing
   *     was sent to Google and nothing stored
   * @throws GoogleAuthorizationException if the token endpoint refused the code or could not be
   *     reached; nothing was stored
   */
  public AuthorizationStatus handleCallback(String code, String state) {
    requireNonNull(code, "code");
    requireNonNull(state, "state");
    PendingAuthorizations.Pending flowOfState = pending.take(state).orElseThrow(this::unknownState);
    String userId = flowOfState.userId();
    StoredGrant grant = flow.exchange(userId, code, flowOfState.pkce());
    tokens.save(userId, grant);
    log.info("user '{}' connected a Google account with scopes {}", userId, grant.scopes());
    return statusOf(userId, grant);
  }

  /**
   * What is stored for a user. Makes no request to Google.
   *
   * @param userId the user
   * @return the user's status; not connected if nothing is stored
   * @throws CredentialException if the stored tokens cannot be decrypted
   */
  public AuthorizationStatus status(String userId) {
    requireNonNull(userId, "userId");
    return tokens
        .load(userId)
        .map(grant -> statusOf(userId, grant))
        .orElseGet(() -> AuthorizationStatus.notConnected(userId));
  }

  /**
   * The user's credentials for Google's clients (see {@link GoogleWorkspace}). They refresh the
   * access token before it expires and store the new one; when Google refuses the refresh token
   * they throw {@link ReauthorizationRequiredException} from the request that needed it. Their
   * {@code toString()} names the user only.
   *
   * @param userId the user
   * @return credentials for the user's stored grant, read from the vault now
   * @throws NotConnectedException if nothing is stored for the user
   * @throws CredentialException if the stored tokens cannot be decrypted
   */
  @Override
  public Credentials credentials(String userId) {
    requireNonNull(userId, "userId");
    Optional<StoredGrant> grant = tokens.load(userId);
    if (grant.isEmpty()) {
      throw new NotConnectedException(userId);
    }
    return UserGrantCredentials.of(userId, grant.get(), client, tokens);
  }

  /**
   * Disconnects a user: deletes their tokens, then revokes the grant at the revoke URI. The local
   * delete comes first and stands even when revoking fails, so the tokens are never used again here
   * either way.
   *
   * @param userId the user
   * @return {@code true} if tokens were stored and are now deleted; {@code false} if there were
   *     none
   * @throws GoogleAuthorizationException if Google did not confirm the revocation; the tokens are
   *     deleted all the same, and the message says how the user can remove access themselves
   */
  public boolean disconnect(String userId) {
    requireNonNull(userId, "userId");
    TokenVault.Removal removal = tokens.remove(userId);
    removal.grant().ifPresent(grant -> revocation.revoke(userId, grant));
    if (removal.deleted()) {
      log.info("user '{}' disconnected their Google account", userId);
    }
    return removal.deleted();
  }

  /**
   * The client id, redirect URI, scopes and credential name; never the secret or a token.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    return "GoogleAuthorization[clientId="
        + client.clientId()
        + ", redirectUri="
        + redirectUri
        + ", scopes="
        + scopes
        + ", credentialName="
        + tokens.name()
        + "]";
  }

  int pendingFlows() {
    return pending.size();
  }

  private static AuthorizationStatus statusOf(String userId, StoredGrant grant) {
    return new AuthorizationStatus(userId, true, Set.copyOf(grant.scopes()), grant.expiry());
  }

  private AuthorizationStateException unknownState() {
    return new AuthorizationStateException(
        "refused the Google authorization callback: its state is unknown, already used, or older"
            + " than "
            + stateTtl
            + "; nothing was stored. Send the user to authorizationUrl(userId) to start again");
  }

  /** Mirrors the vault's user-id rule, so that no user consents only to have the store refuse. */
  private static void checkUserId(String userId) {
    requireNonNull(userId, "userId");
    if (userId.isEmpty() || userId.length() > MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "user id must have 1 to "
              + MAX_USER_ID_LENGTH
              + " characters but has "
              + userId.length());
    }
    for (int i = 0; i < userId.length(); i++) {
      char c = userId.charAt(i);
      boolean pairedSurrogate =
          Character.isHighSurrogate(c)
              && i + 1 < userId.length()
              && Character.isLowSurrogate(userId.charAt(i + 1));
      if (pairedSurrogate) {
        i++;
      } else if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.isISOControl(c)
          || Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "user id must not contain whitespace, control characters or unpaired surrogates, but"
                + " has one at index "
                + i
                + "; pass the application's stable id of the user");
      }
    }
  }
}
