package dev.workflowengine.ollama;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The validated settings of one {@link OllamaClient}, copied out of its builder.
 *
 * @param baseUrl where Ollama listens
 * @param connectTimeout bound on opening a connection
 * @param firstChunkTimeout bound from sending a generation request to its first chunk
 * @param idleTimeout bound on silence between chunks once a stream began
 * @param totalTimeout bound on a whole generation call, if any
 * @param requestTimeout bound on a management call
 * @param maxRetries attempts after the first for 429, 502 and 503
 * @param retryBaseDelay the first backoff delay
 * @param retryMaxDelay the longest backoff delay, and the longest Retry-After honoured
 * @param bearerToken the token sent as {@code Authorization: Bearer}, if any
 * @param headers headers sent with every request
 * @param callbackExecutor where listener callbacks run, or {@code null} for the client's own
 * @param httpClient an OkHttp client to derive from, or {@code null}
 */
record ClientConfig(
    HttpUrl baseUrl,
    Duration connectTimeout,
    Duration firstChunkTimeout,
    Duration idleTimeout,
    Optional<Duration> totalTimeout,
    Duration requestTimeout,
    int maxRetries,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    Optional<String> bearerToken,
    Map<String, String> headers,
    Executor callbackExecutor,
    OkHttpClient httpClient) {

  /** Never prints the token or header values, which may be secrets. */
  @Override
  public String toString() {
    return "baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", firstChunkTimeout="
        + firstChunkTimeout
        + ", idleTimeout="
        + idleTimeout
        + ", totalTimeout="
        + totalTimeout.map(Duration::toString).orElse("none")
        + ", requestTimeout="
        + requestTimeout
        + ", maxRetries="
        + maxRetries
        + ", bearerToken="
        + (bearerToken.isPresent() ? "(set)" : "(none)")
        + ", headers="
        + headers.keySet();
  }
}
