package dev.workflowengine.ollama;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.ContextualSupplier;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for one {@link OllamaClient}: one connection pool, one OkHttp client per {@link Purpose}
 * (sharing the pool and dispatcher, differing only in timeouts), requests with the configured
 * headers, and execution with retries. A retried attempt is only ever one that got a 429, 502 or
 * 503 before any of its body was read, so retrying a stream never repeats a delivered chunk.
 */
final class Transport {

  private static final Logger log = LoggerFactory.getLogger(Transport.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int ERROR_BODY_LIMIT = 16 * 1024;

  private final ClientConfig config;
  private final Failures failures;
  private final Dispatcher dispatcher = new Dispatcher();
  private final ConnectionPool pool;
  private final boolean ownsPool;
  private final Map<Purpose, OkHttpClient> clients = new EnumMap<>(Purpose.class);
  private final FailsafeExecutor<Response> retrying;
  private final FailsafeExecutor<Response> once = Failsafe.none();
  private volatile boolean closed;

  Transport(ClientConfig config) {
    this.config = config;
    this.failures = new Failures(config);
    OkHttpClient base = config.httpClient();
    this.ownsPool = base == null;
    this.pool = ownsPool ? new ConnectionPool() : base.connectionPool();
    OkHttpClient.Builder shared =
        (base == null ? new OkHttpClient.Builder() : base.newBuilder())
            .dispatcher(dispatcher)
            .connectionPool(pool)
            .connectTimeout(config.connectTimeout())
            .writeTimeout(config.requestTimeout());
    Duration streamRead = max(config.firstChunkTimeout(), config.idleTimeout());
    Duration total = config.totalTimeout().orElse(Duration.ZERO);
    // A stream's read timeout starts as the longer of the two; the stream itself narrows it to
    // the first-chunk deadline and then to the idle timeout (see NdjsonStream).
    clients.put(Purpose.STREAM, shared.readTimeout(streamRead).callTimeout(total).build());
    clients.put(
        Purpose.GENERATION,
        shared.readTimeout(config.firstChunkTimeout()).callTimeout(total).build());
    clients.put(
        Purpose.PROGRESS, shared.readTimeout(streamRead).callTimeout(Duration.ZERO).build());
    clients.put(
        Purpose.MANAGEMENT,
        shared.readTimeout(config.requestTimeout()).callTimeout(config.requestTimeout()).build());
    clients.put(
        Purpose.UPLOAD,
        shared.readTimeout(config.requestTimeout()).callTimeout(Duration.ZERO).build());
    this.retrying = Failsafe.with(retryPolicy(config));
  }

  Failures failures() {
    return failures;
  }

  ClientConfig config() {
    return config;
  }

  /** {@code POST <base>/api/<path>} with a JSON body. */
  Request post(String path, byte[] json) {
    return request(path).post(RequestBody.create(json, JSON)).build();
  }

  Request.Builder request(String path) {
    HttpUrl url = config.baseUrl().newBuilder().addPathSegments(path).build();
    Request.Builder builder = new Request.Builder().url(url);
    config.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    config.headers().forEach(builder::header);
    return builder;
  }

  /**
   * Sends a call, retrying 429, 502 and 503 when {@code retry} is set.
   *
   * @return a successful response, whose body the caller must close
   */
  Response execute(CallSpec spec, CallSlot slot, boolean retry) {
    if (closed) {
      throw new IllegalStateException("this OllamaClient is closed; build a new one");
    }
    ContextualSupplier<Response, Response> attempt = context -> attempt(spec, slot);
    dev.failsafe.Call<Response> call = (retry ? retrying : once).newCall(attempt);
    slot.attach(call);
    Response response;
    try {
      response = call.execute();
    } catch (RetriableStatus last) {
      throw slot.isCancelled()
          ? failures.cancelled(spec, slot)
          : failures.exhausted(spec, last, attempts(last));
    } catch (FailsafeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw failures.io(spec, io, slot);
      }
      if (slot.isCancelled()) {
        throw failures.cancelled(spec, slot);
      }
      throw e;
    } catch (java.util.concurrent.CancellationException e) {
      throw failures.cancelled(spec, slot);
    }
    if (response == null || slot.isCancelled()) {
      if (response != null) {
        response.close();
      }
      throw failures.cancelled(spec, slot);
    }
    return response;
  }

  /** One HTTP attempt: a success, or the exception the status maps to. */
  private Response attempt(CallSpec spec, CallSlot slot) throws IOException {
    okhttp3.Call call = clients.get(spec.purpose()).newCall(spec.request());
    slot.attach(call);
    Response response = call.execute();
    if (response.isSuccessful()) {
      return response;
    }
    try (response) {
      int status = response.code();
      String message = ManagementReaders.errorText(response.peekBody(ERROR_BODY_LIMIT).string());
      log.debug("Ollama answered {} with HTTP {}: {}", spec.endpoint(), status, message);
      if (Failures.isRetriable(status)) {
        throw new RetriableStatus(
            status,
            message,
            RetryDelays.parseRetryAfter(response.header("Retry-After"), Instant.now())
                .orElse(null));
      }
      throw failures.status(spec, status, message);
    }
  }

  /** A successful response's body, read whole; I/O failures are mapped for the call. */
  byte[] body(CallSpec spec, Response response, CallSlot slot) {
    try (response) {
      return response.body().bytes();
    } catch (IOException e) {
      throw failures.io(spec, e, slot);
    }
  }

  /** Cancels every call in flight and releases the connections, unless the pool is shared. */
  void close() {
    closed = true;
    dispatcher.cancelAll();
    if (ownsPool) {
      pool.evictAll();
    }
  }

  private RetryPolicy<Response> retryPolicy(ClientConfig config) {
    RetryDelays delays =
        new RetryDelays(
            config.retryBaseDelay(),
            config.retryMaxDelay(),
            () -> ThreadLocalRandom.current().nextDouble());
    return RetryPolicy.<Response>builder()
        .handle(RetriableStatus.class)
        .withMaxRetries(config.maxRetries())
        .withDelayFnOn(
            context -> {
              RetriableStatus last = context.getLastException();
              return delays.next(last.retryAfter(), context.getAttemptCount());
            },
            RetriableStatus.class)
        .abortIf(
            (response, failure) ->
                failure instanceof RetriableStatus status
                    && status
                        .retryAfter()
                        .map(wait -> wait.compareTo(config.retryMaxDelay()) > 0)
                        .orElse(false))
        .onRetryScheduled(
            event ->
                log.info(
                    "Ollama at {} answered {}; attempt {} of {} in {} ms",
                    config.baseUrl(),
                    event.getLastException().getMessage(),
                    event.getAttemptCount() + 1,
                    config.maxRetries() + 1,
                    event.getDelay().toMillis()))
        .build();
  }

  /** Failsafe does not tell how many attempts ended in the exception it rethrows. */
  private int attempts(RetriableStatus last) {
    boolean aborted =
        last.retryAfter().map(wait -> wait.compareTo(config.retryMaxDelay()) > 0).orElse(false);
    return aborted ? -1 : config.maxRetries() + 1;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
