package dev.workflowengine.ollama;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Configures an {@link OllamaClient}. Every setter checks its value at once (a null is a {@link
 * NullPointerException} naming the argument, a bad value an {@link IllegalArgumentException}); a
 * conflict between settings is an {@link IllegalStateException} from {@link #build()}, which copies
 * the settings so that the builder can be reused. Not thread-safe.
 *
 * <pre>{@code
 * OllamaClient client = OllamaClient.builder()
 *     .baseUrl("http://gpu-box:11434")
 *     .firstChunkTimeout(Duration.ofMinutes(10))   // a 70B model loads slowly
 *     .idleTimeout(Duration.ofSeconds(60))
 *     .totalTimeout(Duration.ofMinutes(30))
 *     .maxRetries(5)
 *     .build();
 * }</pre>
 *
 * <p>The defaults and why:
 *
 * <ul>
 *   <li>connect timeout 10 s: a local or LAN server accepts at once or not at all;
 *   <li>first-chunk timeout 300 s: loading a model from disk can take minutes, and Ollama sends
 *       nothing (not even headers) until the model is loaded and the prompt read;
 *   <li>idle timeout 120 s: once tokens flow, Ollama writes a line per token, but it holds output
 *       back while it parses a tool call, which on CPU-only hardware can mean a minute or more of
 *       silence; two minutes tolerates that and still ends a truly stalled stream;
 *   <li>progress idle timeout 10 minutes: pull, push and create go silent while Ollama verifies a
 *       layer or quantizes, minutes for a large model on a slow disk;
 *   <li>no total timeout: a long answer that keeps streaming is not a failure;
 *   <li>request timeout 30 s for management calls (tags, show, ps, version, copy, delete);
 *   <li>3 retries of 429, 502 and 503, backing off from 500 ms to at most 30 s.
 * </ul>
 */
public final class OllamaClientBuilder {

  private HttpUrl baseUrl = HttpUrl.get("http://localhost:11434/");
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration firstChunkTimeout = Duration.ofSeconds(300);
  private Duration idleTimeout = Duration.ofSeconds(120);
  private Duration progressIdleTimeout = Duration.ofMinutes(10);
  private Duration totalTimeout;
  private Duration requestTimeout = Duration.ofSeconds(30);
  private int maxRetries = 3;
  private Duration retryBaseDelay = Duration.ofMillis(500);
  private Duration retryMaxDelay = Duration.ofSeconds(30);
  private String bearerToken;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Executor callbackExecutor;
  private OkHttpClient httpClient;
  private ModelProfiles profiles = ModelProfiles.defaults();
  private PullStrategy pullStrategy;
  private PullListener pullListener = PullListener.logging();

  OllamaClientBuilder() {}

  /**
   * Where Ollama listens; a path is kept, for Ollama behind a proxy at a sub-path.
   *
   * @param baseUrl an http or https URL, {@code http://localhost:11434} by default
   * @return this builder
   */
  public OllamaClientBuilder baseUrl(String baseUrl) {
    Checks.requireText(baseUrl, "baseUrl");
    HttpUrl url = HttpUrl.parse(baseUrl.strip());
    if (url == null) {
      throw new IllegalArgumentException(
          "baseUrl '" + baseUrl + "' is not an http(s) URL; use e.g. http://localhost:11434");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl '" + baseUrl + "' has a query or fragment; give only scheme, host, port, path");
    }
    String path = url.encodedPath().endsWith("/") ? url.encodedPath() : url.encodedPath() + "/";
    this.baseUrl = url.newBuilder().encodedPath(path).build();
    return this;
  }

  /**
   * Bounds opening a connection.
   *
   * @param timeout positive; 10 s by default
   * @return this builder
   */
  public OllamaClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Checks.requirePositive(timeout, "connectTimeout");
    return this;
  }

  /**
   * Bounds the time from sending a chat, generate or embed request to the first chunk of its answer
   * (the whole answer when it does not stream), which includes loading the model.
   *
   * @param timeout positive; 300 s by default
   * @return this builder
   */
  public OllamaClientBuilder firstChunkTimeout(Duration timeout) {
    this.firstChunkTimeout = Checks.requirePositive(timeout, "firstChunkTimeout");
    return this;
  }

  /**
   * Bounds the silence between two reads once a stream has begun; when it fires, the connection is
   * closed and the stream ends with an {@link OllamaTimeoutException} of phase {@code IDLE}.
   *
   * @param timeout positive; 120 s by default
   * @return this builder
   */
  public OllamaClientBuilder idleTimeout(Duration timeout) {
    this.idleTimeout = Checks.requirePositive(timeout, "idleTimeout");
    return this;
  }

  /**
   * Bounds the silence between two progress lines of {@link OllamaClient#pull}, {@link
   * OllamaClient#push} and {@link OllamaClient#create}. Longer than {@link #idleTimeout} because
   * Ollama says nothing while it verifies a downloaded layer or quantizes a model, which for tens
   * of gigabytes on a slow disk takes minutes.
   *
   * @param timeout positive; 10 minutes by default
   * @return this builder
   */
  public OllamaClientBuilder progressIdleTimeout(Duration timeout) {
    this.progressIdleTimeout = Checks.requirePositive(timeout, "progressIdleTimeout");
    return this;
  }

  /**
   * Bounds a whole chat, generate or embed call, streamed or not, from sending to the last chunk.
   * Not applied to pull, push and create, which can rightly last hours.
   *
   * @param timeout positive; none by default
   * @return this builder
   */
  public OllamaClientBuilder totalTimeout(Duration timeout) {
    this.totalTimeout = Checks.requirePositive(timeout, "totalTimeout");
    return this;
  }

  /**
   * Bounds a management call: list, show, ps, version, copy, delete, blob checks; and each read or
   * write of a blob upload.
   *
   * @param timeout positive; 30 s by default
   * @return this builder
   */
  public OllamaClientBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = Checks.requirePositive(timeout, "requestTimeout");
    return this;
  }

  /**
   * How many times a 429, 502 or 503 answer is retried before it becomes an {@link
   * OllamaUnavailableException}. A stream is retried only while none of its chunks has been
   * delivered.
   *
   * @param maxRetries from 0 (no retries) to 20; 3 by default
   * @return this builder
   */
  public OllamaClientBuilder maxRetries(int maxRetries) {
    if (maxRetries < 0 || maxRetries > 20) {
      throw new IllegalArgumentException("maxRetries must be from 0 to 20 but was " + maxRetries);
    }
    this.maxRetries = maxRetries;
    return this;
  }

  /**
   * The backoff between retries: exponential from {@code base}, capped at {@code max}, with jitter.
   * A server's {@code Retry-After} replaces the backoff; one longer than {@code max} ends the
   * retries at once.
   *
   * @param base the first delay; positive, 500 ms by default
   * @param max the longest delay; at least {@code base}, 30 s by default
   * @return this builder
   */
  public OllamaClientBuilder retryDelay(Duration base, Duration max) {
    Checks.requirePositive(base, "base");
    Checks.requirePositive(max, "max");
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "retry max delay " + max + " is shorter than the base delay " + base);
    }
    this.retryBaseDelay = base;
    this.retryMaxDelay = max;
    return this;
  }

  /**
   * Sends {@code Authorization: Bearer <token>} with every request, for Ollama behind an
   * authenticating proxy or the hosted API. The token never appears in {@code toString()}, logs or
   * exception messages.
   *
   * @param token the token
   * @return this builder
   */
  public OllamaClientBuilder bearerToken(String token) {
    Checks.requireText(token, "token");
    if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("the bearer token contains whitespace or control chars");
    }
    this.bearerToken = token;
    return this;
  }

  /**
   * Sends a header with every request, replacing one of the same name set before. Values are never
   * logged.
   *
   * @param name the header name
   * @param value the value
   * @return this builder
   */
  public OllamaClientBuilder header(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    new Headers.Builder().add(name, value);
    headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    headers.put(name, value);
    return this;
  }

  /**
   * Where {@link StreamListener} callbacks run. By default the client starts a daemon thread per
   * running callback stream (threads are reused, and stopped by {@link OllamaClient#close()}).
   *
   * @param executor an executor that runs each task on some thread; it must not run tasks on the
   *     calling thread, since a stream blocks its thread until it ends
   * @return this builder
   */
  public OllamaClientBuilder callbackExecutor(Executor executor) {
    this.callbackExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * An OkHttp client to derive the client's own from, for a proxy, TLS settings or a shared
   * connection pool. The timeouts of this builder replace the given client's; the Ollama client
   * gets its own dispatcher, so {@link OllamaClient#close()} never cancels the given client's
   * calls.
   *
   * @param httpClient the client
   * @return this builder
   */
  public OllamaClientBuilder httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return this;
  }

  /**
   * The model profiles behind {@link OllamaClient#chatModel(String)} and its siblings, replacing
   * the built-in ones ({@link ModelProfiles#defaults()}).
   *
   * @param profiles the profiles, built in code or loaded from a {@code models.json}
   * @return this builder
   */
  public OllamaClientBuilder profiles(ModelProfiles profiles) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    return this;
  }

  /**
   * When a profile's model is pulled, overriding the strategy the profiles name; without either it
   * is {@link PullStrategy#NEVER}.
   *
   * @param strategy the strategy
   * @return this builder
   */
  public OllamaClientBuilder pullStrategy(PullStrategy strategy) {
    this.pullStrategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /**
   * Who hears the progress of pulls the pull strategy starts; by default it is logged.
   *
   * @param listener the listener
   * @return this builder
   */
  public OllamaClientBuilder pullListener(PullListener listener) {
    this.pullListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Builds the client.
   *
   * @return a new client; close it when done
   * @throws IllegalStateException when a header conflicts with the bearer token
   */
  public OllamaClient build() {
    if (bearerToken != null
        && headers.keySet().stream()
            .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals("authorization"))) {
      throw new IllegalStateException(
          "both bearerToken and an Authorization header are set; keep one of them");
    }
    ModelSetup models = new ModelSetup(profiles, Optional.ofNullable(pullStrategy), pullListener);
    return new OllamaClient(
        models,
        new ClientConfig(
            baseUrl,
            connectTimeout,
            firstChunkTimeout,
            idleTimeout,
            progressIdleTimeout,
            Optional.ofNullable(totalTimeout),
            requestTimeout,
            maxRetries,
            retryBaseDelay,
            retryMaxDelay,
            Optional.ofNullable(bearerToken),
            java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
            callbackExecutor,
            httpClient));
  }
}
