package dev.workflowengine.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.workflowengine.google.AuthorizationStatus;
import dev.workflowengine.google.GoogleAuthorization;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives Google's redirect from the consent page on a small local HTTP server (the JDK's), as an
 * installed application does: the first callback with a code or an error settles it, the browser
 * gets a short plain-text page, and {@link #await} returns or says what went wrong.
 */
final class OAuthCallbackReceiver implements AutoCloseable {

  private final HttpServer server;
  private final GoogleAuthorization authorization;
  private final CompletableFuture<AuthorizationStatus> result = new CompletableFuture<>();

  private OAuthCallbackReceiver(HttpServer server, GoogleAuthorization authorization) {
    this.server = server;
    this.authorization = authorization;
  }

  /** Listens on the redirect URI's host, port and path, before anyone is sent to Google. */
  static OAuthCallbackReceiver start(URI redirectUri, GoogleAuthorization authorization)
      throws IOException {
    String host = redirectUri.getHost().replace("[", "").replace("]", "");
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName(host), redirectUri.getPort()), 0);
    OAuthCallbackReceiver receiver = new OAuthCallbackReceiver(server, authorization);
    server.createContext(redirectUri.getPath(), receiver::handle);
    server.start();
    return receiver;
  }

  /** The connected user's status, once the browser came back with a code Google accepted. */
  AuthorizationStatus await(Duration timeout) throws InterruptedException, Failure {
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new Failure(
          "Google did not send the browser back within "
              + spoken(timeout)
              + "; run the sample again and open the address it prints");
    } catch (ExecutionException e) {
      throw (Failure) e.getCause(); // only Failures complete it exceptionally
    }
  }

  /** "5 minutes", or "2 seconds" for the short waits of tests. */
  static String spoken(Duration wait) {
    return wait.toSecondsPart() == 0 && wait.toMinutes() > 0
        ? wait.toMinutes() + " minutes"
        : wait.toSeconds() + (wait.toSeconds() == 1 ? " second" : " seconds");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (result.isDone()) {
        respond(exchange, 409, "This sign-in is already finished. You can close this tab.");
      } else if (query.containsKey("error")) {
        respond(exchange, 200, "Google did not grant access. You can close this tab.");
        result.completeExceptionally(declined(query));
      } else if (query.containsKey("code") && query.containsKey("state")) {
        exchange(exchange, query.get("code"), query.get("state"));
      } else {
        // Not a callback (a reload without its query, a probe): keep waiting for the real one.
        respond(exchange, 400, "Expected Google's code and state in the address.");
      }
    }
  }

  /** Trades the code for tokens; the page is sent before await returns, so it is not cut off. */
  private void exchange(HttpExchange exchange, String code, String state) throws IOException {
    AuthorizationStatus status;
    try {
      status = authorization.handleCallback(code, state);
    } catch (RuntimeException e) {
      respond(exchange, 500, "Signing in failed; the console says why. You can close this tab.");
      result.completeExceptionally(
          new Failure("Google's code was not accepted: " + e.getMessage()));
      return;
    }
    respond(exchange, 200, "Connected. You can close this tab and go back to the console.");
    result.complete(status);
  }

  private static Failure declined(Map<String, String> query) {
    String error = query.get("error");
    String description =
        query.containsKey("error_description") ? " (" + query.get("error_description") + ")" : "";
    String advice =
        "access_denied".equals(error)
            ? ": access was not granted, so nothing was read. Run the sample again and choose"
                + " Allow; while the OAuth consent screen is in testing, only its test users can"
            : ": nothing was read. Check the OAuth client and its consent screen, then run again";
    return new Failure("Google sent the browser back with error=" + error + description + advice);
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        parameters.putIfAbsent(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }

  /** Why no user was connected, in a sentence for the console. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }
}
