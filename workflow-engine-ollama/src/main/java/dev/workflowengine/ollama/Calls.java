package dev.workflowengine.ollama;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * How an {@link OllamaClient} makes its calls: whole answers read at once, streams opened lazily
 * and tracked until they end, listener streams run on the callback executor, and the shutdown of
 * all of it. The client maps endpoints onto these; this class knows no endpoint. Thread-safe.
 */
final class Calls implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final Transport transport;
  private final Executor callbackExecutor;
  private final ExecutorService ownExecutor;
  private final Set<NdjsonStream<?>> activeStreams = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  Calls(ClientConfig config) {
    this.transport = new Transport(config);
    if (config.callbackExecutor() != null) {
      this.ownExecutor = null;
      this.callbackExecutor = config.callbackExecutor();
    } else {
      this.ownExecutor = Executors.newCachedThreadPool(Calls::callbackThread);
      this.callbackExecutor = ownExecutor;
    }
  }

  /** A POST of a JSON body. */
  Request post(String path, byte[] body) {
    return transport.post(path, body);
  }

  /** A GET. */
  Request get(String path) {
    return transport.request(path).get().build();
  }

  /** A DELETE with a JSON body, as Ollama's delete endpoint wants it. */
  Request delete(String path, byte[] body) {
    return transport.request(path).delete(RequestBody.create(body, JSON)).build();
  }

  /** A request to the path with no method chosen yet. */
  Request.Builder request(String path) {
    return transport.request(path);
  }

  CallSpec management(Request request, String model) {
    return new CallSpec(request, Purpose.MANAGEMENT, model);
  }

  CallSpec generation(String path, byte[] body, String model) {
    return new CallSpec(transport.post(path, body), Purpose.GENERATION, model);
  }

  /** Sends a call and reads its whole body; used by every non-streaming endpoint. */
  <T> T read(CallSpec spec, boolean retry, BodyReader<T> reader) {
    ensureOpen();
    CallSlot slot = new CallSlot();
    Response response = transport.execute(spec, slot, retry);
    byte[] body = transport.body(spec, response, slot);
    try {
      return reader.read(body);
    } catch (ChunkReader.ErrorLine e) {
      throw transport.failures().errorBody(spec, e.getMessage());
    } catch (IOException e) {
      throw transport.failures().unreadable(spec, e);
    }
  }

  /** A management GET read whole, such as {@code api/tags}. */
  <T> T readGet(String path, boolean retry, BodyReader<T> reader) {
    return read(management(get(path), null), retry, reader);
  }

  /** Reads a body. */
  interface BodyReader<T> {
    T read(byte[] body) throws IOException;
  }

  /** Sends a chat or generate call without streaming and reads its one answer. */
  <T> T single(CallSpec spec, ChunkReader<T> reader) {
    return read(
        spec,
        true,
        body -> {
          try (JsonParser parser = OllamaJson.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
              throw new JsonParseException(parser, "expected a JSON object");
            }
            return reader.read(parser);
          }
        });
  }

  <T> OllamaStream<T> stream(String path, byte[] body, String model, ChunkReader<T> reader) {
    ensureOpen();
    CallSpec spec = new CallSpec(transport.post(path, body), Purpose.STREAM, model);
    return new NdjsonStream<>(transport, spec, reader, activeStreams);
  }

  OllamaStream<Progress> progress(String path, byte[] body, String model) {
    ensureOpen();
    CallSpec spec = new CallSpec(transport.post(path, body), Purpose.PROGRESS, model);
    return new NdjsonStream<>(transport, spec, ChunkReaders.progress(), activeStreams);
  }

  <T> StreamHandle listen(OllamaStream<T> stream, StreamListener<T> listener) {
    Objects.requireNonNull(listener, "listener");
    ListenerTask<T> task = new ListenerTask<>(stream, listener);
    try {
      callbackExecutor.execute(task);
    } catch (RejectedExecutionException e) {
      stream.close();
      throw new IllegalStateException(
          "the callback executor refused the stream; is it (or the client) shut down?", e);
    }
    return task;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    activeStreams.forEach(NdjsonStream::cancelForClose);
    transport.close();
    if (ownExecutor != null) {
      // Not shutdownNow: the cancelled streams' listeners still get their onError.
      ownExecutor.shutdown();
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this OllamaClient is closed; build a new one");
    }
  }

  private static Thread callbackThread(Runnable task) {
    Thread thread = new Thread(task, "ollama-stream-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
