package dev.workflowengine.ollama;

import dev.workflowengine.ollama.OllamaTimeoutException.Phase;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place where HTTP statuses, I/O failures and broken streams become this module's typed
 * exceptions, each with a message that names the server and says what to do.
 */
final class Failures {

  private static final String START_OLLAMA =
      "Start Ollama with `ollama serve` (or the Ollama app), or point"
          + " OllamaClient.builder().baseUrl(...) at where it runs.";

  private final String baseUrl;
  private final ClientConfig config;

  Failures(ClientConfig config) {
    this.config = config;
    this.baseUrl = config.baseUrl().toString();
  }

  /** Whether a status is retried with backoff before it becomes an exception. */
  static boolean isRetriable(int status) {
    return status == 429 || status == 502 || status == 503;
  }

  /** A non-retriable error status. */
  RuntimeException status(CallSpec spec, int status, String ollamaMessage) {
    String where = spec.endpoint() + spec.forModel();
    if (status == 400) {
      return new OllamaBadRequestException(
          "Ollama at " + baseUrl + " rejected " + where + ": " + ollamaMessage, ollamaMessage);
    }
    if (status == 404 && spec.model() != null) {
      return new ModelNotFoundException(
          spec.model(),
          "Model '"
              + spec.model()
              + "' is not available at Ollama "
              + baseUrl
              + " ("
              + ollamaMessage
              + "). Pull it with `ollama pull "
              + spec.model()
              + "` or client.pull(\""
              + spec.model()
              + "\"), or check the name with `ollama list`.");
    }
    if (status == 404) {
      return new OllamaException(
          "Ollama at "
              + baseUrl
              + " has no "
              + spec.endpoint()
              + " (HTTP 404: "
              + ollamaMessage
              + "). Check that the base URL points at Ollama, or upgrade Ollama.",
          status,
          null);
    }
    if (status == 401 || status == 403) {
      return new OllamaException(
          "Ollama at "
              + baseUrl
              + " refused "
              + where
              + " (HTTP "
              + status
              + ": "
              + ollamaMessage
              + "). Check the bearer token and headers given to OllamaClient.builder().",
          status,
          null);
    }
    if (status >= 500) {
      return new OllamaServerException(
          "Ollama at "
              + baseUrl
              + " failed on "
              + where
              + " with HTTP "
              + status
              + ": "
              + ollamaMessage
              + ". The Ollama server log says more (`journalctl -u ollama`, or"
              + " ~/.ollama/logs/server.log).",
          status,
          ollamaMessage);
    }
    return new OllamaException(
        "Ollama at "
            + baseUrl
            + " answered "
            + where
            + " with HTTP "
            + status
            + ": "
            + ollamaMessage,
        status,
        null);
  }

  /** The last of the retried statuses, once the retry policy gave up. */
  OllamaUnavailableException exhausted(CallSpec spec, RetriableStatus last, int attempts) {
    String why =
        last.status() == 429
            ? "is rate-limiting requests"
            : last.status() == 503 ? "is overloaded (queue full)" : "is behind a failing gateway";
    boolean tooLong =
        last.retryAfter().map(wait -> wait.compareTo(config.retryMaxDelay()) > 0).orElse(false);
    String tail =
        tooLong
            ? " It asked to wait "
                + last.retryAfter().get().toSeconds()
                + " s, longer than retryDelay's maximum of "
                + config.retryMaxDelay().toSeconds()
                + " s, so no further attempt was made; try again later."
            : " Gave up after "
                + attempts
                + (attempts == 1 ? " attempt" : " attempts")
                + "; raise maxRetries, lower the load, or raise OLLAMA_NUM_PARALLEL /"
                + " OLLAMA_MAX_QUEUE on the server.";
    return new OllamaUnavailableException(
        baseUrl,
        "Ollama at "
            + baseUrl
            + " "
            + why
            + ": "
            + spec.endpoint()
            + spec.forModel()
            + " got HTTP "
            + last.status()
            + " ("
            + last.ollamaMessage()
            + ")."
            + tail,
        last.status(),
        last.retryAfter().orElse(null),
        null);
  }

  /** An I/O failure before any chunk arrived, or during a non-streaming call. */
  RuntimeException io(CallSpec spec, IOException e, CallSlot slot) {
    if (slot.isCancelled()) {
      return cancelled(spec, slot);
    }
    String what = spec.endpoint() + spec.forModel();
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new OllamaUnavailableException(
          baseUrl,
          "Cannot connect to Ollama at " + baseUrl + " (" + e.getMessage() + "). " + START_OLLAMA,
          -1,
          null,
          e);
    }
    if (e instanceof UnknownHostException) {
      return new OllamaUnavailableException(
          baseUrl,
          "Cannot resolve the host of Ollama's base URL " + baseUrl + ". " + START_OLLAMA,
          -1,
          null,
          e);
    }
    if (isConnectTimeout(e)) {
      return timeout(
          Phase.CONNECT,
          "Could not connect to Ollama at "
              + baseUrl
              + " within "
              + seconds(config.connectTimeout())
              + " (connectTimeout). Is the host reachable? "
              + START_OLLAMA,
          config.connectTimeout(),
          e);
    }
    if (e instanceof SocketTimeoutException) {
      return readTimeout(spec, what, e);
    }
    if (isCallTimeout(e)) {
      return callTimeout(spec, what, e);
    }
    return new OllamaUnavailableException(
        baseUrl,
        "Lost the connection to Ollama at " + baseUrl + " during " + what + ": " + e,
        -1,
        null,
        e);
  }

  /** An I/O failure after the stream began. */
  RuntimeException streamIo(
      CallSpec spec, IOException e, CallSlot slot, long chunks, PartialText partial) {
    if (slot.isCancelled()) {
      return cancelled(spec, slot);
    }
    String what = "the " + spec.endpoint() + " stream" + spec.forModel();
    if (e instanceof SocketTimeoutException && chunks > 0) {
      Duration idle = config.idleTimeout();
      return timeout(
          Phase.IDLE,
          "Ollama at "
              + baseUrl
              + " sent nothing for "
              + seconds(idle)
              + " after "
              + chunks
              + " chunks of "
              + what
              + "; the connection was closed. Raise idleTimeout if the model pauses that long"
              + " (slow hardware, long tool calls).",
          idle,
          e);
    }
    if (e instanceof SocketTimeoutException) {
      return readTimeout(spec, what, e);
    }
    if (isCallTimeout(e)) {
      return callTimeout(spec, what, e);
    }
    if (e instanceof LineReader.LineTooLongException) {
      return broken(spec, partial, chunks, e.getMessage(), null, false, e);
    }
    return broken(
        spec,
        partial,
        chunks,
        "the connection to Ollama at " + baseUrl + " broke after " + chunks + " chunks: " + e,
        null,
        true,
        e);
  }

  OllamaStreamException errorLine(CallSpec spec, String error, long chunks, PartialText partial) {
    return broken(
        spec,
        partial,
        chunks,
        "Ollama at "
            + baseUrl
            + " reported an error after "
            + chunks
            + " chunks: "
            + error
            + ". The Ollama server log says more.",
        error,
        false,
        null);
  }

  OllamaStreamException malformedLine(
      CallSpec spec, long lineNumber, String lineStart, IOException e, long chunks, PartialText p) {
    String detail =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException json
            ? json.getOriginalMessage()
            : e.getMessage();
    return broken(
        spec,
        p,
        chunks,
        "line "
            + lineNumber
            + " from Ollama at "
            + baseUrl
            + " is not a JSON object ("
            + detail
            + "); it starts with: "
            + lineStart
            + ". Check that the base URL points at Ollama and not at a proxy's page.",
        null,
        false,
        e);
  }

  OllamaStreamException truncated(CallSpec spec, long chunks, PartialText partial) {
    return broken(
        spec,
        partial,
        chunks,
        "Ollama at "
            + baseUrl
            + " ended the stream after "
            + chunks
            + " chunks without its final chunk; the answer is incomplete.",
        null,
        true,
        null);
  }

  /** A 2xx answer whose body is not what the endpoint returns. */
  OllamaException unreadable(CallSpec spec, IOException e) {
    String detail =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException json
            ? json.getOriginalMessage()
            : e.getMessage();
    return new OllamaException(
        "Ollama at "
            + baseUrl
            + " answered "
            + spec.endpoint()
            + " with a body that is not the JSON expected ("
            + detail
            + "). Check that the base URL points at Ollama.",
        -1,
        e);
  }

  /** An {@code {"error": ...}} body that came with a success status. */
  OllamaException errorBody(CallSpec spec, String error) {
    return new OllamaException(
        "Ollama at "
            + baseUrl
            + " reported an error for "
            + spec.endpoint()
            + spec.forModel()
            + ": "
            + error,
        -1,
        null);
  }

  OllamaCancelledException cancelled(CallSpec spec, CallSlot slot) {
    return new OllamaCancelledException(
        spec.endpoint() + spec.forModel() + " was cancelled: " + slot.cancelReason());
  }

  private OllamaStreamException broken(
      CallSpec spec,
      PartialText partial,
      long chunks,
      String message,
      String serverError,
      boolean retriable,
      Throwable cause) {
    String prefix = "The " + spec.endpoint() + " stream" + spec.forModel() + " failed: ";
    return new OllamaStreamException(
        prefix + message,
        partial.content(),
        partial.thinking(),
        chunks,
        serverError,
        retriable,
        cause);
  }

  private OllamaTimeoutException readTimeout(CallSpec spec, String what, IOException e) {
    if (spec.purpose() == Purpose.MANAGEMENT || spec.purpose() == Purpose.UPLOAD) {
      return timeout(
          Phase.REQUEST,
          "Ollama at "
              + baseUrl
              + " did not answer "
              + what
              + " within "
              + seconds(config.requestTimeout())
              + " (requestTimeout).",
          config.requestTimeout(),
          e);
    }
    return timeout(
        Phase.FIRST_CHUNK,
        "Ollama at "
            + baseUrl
            + " sent nothing for "
            + what
            + " within "
            + seconds(config.firstChunkTimeout())
            + " (firstChunkTimeout); the connection was closed. Loading a large model can take"
            + " minutes: raise firstChunkTimeout, or keep the model loaded with keep_alive.",
        config.firstChunkTimeout(),
        e);
  }

  private OllamaTimeoutException callTimeout(CallSpec spec, String what, IOException e) {
    if (spec.purpose() == Purpose.MANAGEMENT) {
      return readTimeout(spec, what, e);
    }
    Duration total = config.totalTimeout().orElse(Duration.ZERO);
    return timeout(
        Phase.TOTAL,
        what
            + " at Ollama "
            + baseUrl
            + " took longer than "
            + seconds(total)
            + " (totalTimeout); the connection was closed.",
        total,
        e);
  }

  private static OllamaTimeoutException timeout(
      Phase phase, String message, Duration limit, IOException cause) {
    return new OllamaTimeoutException(phase, message, limit, cause);
  }

  /** OkHttp reports a call timeout as a bare {@code InterruptedIOException("timeout")}. */
  private static boolean isCallTimeout(IOException e) {
    return e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException)
        && "timeout".equals(e.getMessage());
  }

  private static boolean isConnectTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        && e.getMessage() != null
        && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
