package dev.workflowengine.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Response;
import okio.BufferedSource;
import okio.Timeout;

/**
 * An {@link OllamaStream} over one NDJSON response, read on the caller's thread with no hand-over:
 * each line is parsed straight from the response buffer when {@link #hasNext()} asks for it.
 *
 * <p>Timeouts are those of the socket, narrowed as the stream goes: until the first line arrives,
 * reads are bounded by a deadline at {@code firstChunkTimeout} after the request was sent (model
 * loading happens there); after it, each read is bounded by {@code idleTimeout}. When either fires,
 * okio closes the socket, so the stalled connection is gone, not merely abandoned.
 */
final class NdjsonStream<T> implements OllamaStream<T>, Iterator<T> {

  private enum State {
    NEW,
    OPEN,
    FINAL,
    ENDED
  }

  private final Transport transport;
  private final CallSpec spec;
  private final ChunkReader<T> reader;
  private final Set<NdjsonStream<?>> active;
  private final CallSlot slot = new CallSlot();
  private final PartialText partial = new PartialText();
  private volatile State state = State.NEW;
  private boolean iterated;
  private Response response;
  private BufferedSource source;
  private LineReader lines;
  private T next;
  private long chunks;

  NdjsonStream(
      Transport transport, CallSpec spec, ChunkReader<T> reader, Set<NdjsonStream<?>> active) {
    this.transport = transport;
    this.spec = spec;
    this.reader = reader;
    this.active = active;
  }

  @Override
  public Iterator<T> iterator() {
    if (iterated) {
      throw new IllegalStateException(
          "an OllamaStream can be iterated only once; keep the chunks (ChatAccumulator) instead");
    }
    iterated = true;
    return this;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (state == State.ENDED) {
      return false;
    }
    try {
      next = advance();
    } catch (RuntimeException e) {
      end(false);
      throw e;
    }
    return next != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream has ended");
    }
    T chunk = next;
    next = null;
    return chunk;
  }

  @Override
  public Stream<T> stream() {
    Spliterator<T> spliterator =
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false).onClose(this::close);
  }

  @Override
  public T last() {
    try (this) {
      T last = null;
      while (hasNext()) {
        last = next();
      }
      if (last == null) {
        throw new NoSuchElementException("the stream was already read to its end");
      }
      return last;
    }
  }

  @Override
  public void cancel() {
    State current = state;
    if (current != State.FINAL && current != State.ENDED) {
      slot.cancel("cancelled by the caller");
    }
  }

  /** Stops the stream because its client is closing. */
  void cancelForClose() {
    slot.cancel("the OllamaClient was closed");
  }

  @Override
  public boolean isCancelled() {
    return slot.isCancelled();
  }

  @Override
  public void close() {
    switch (state) {
      case NEW -> {
        slot.cancel("closed before it was read");
        state = State.ENDED;
      }
      case OPEN -> end(false);
      case FINAL -> end(true);
      case ENDED -> {}
    }
  }

  private T advance() {
    if (state == State.NEW) {
      open();
    }
    if (state == State.FINAL) {
      end(true);
      return null;
    }
    try {
      if (!lines.next()) {
        throw slot.isCancelled()
            ? transport.failures().cancelled(spec, slot)
            : transport.failures().truncated(spec, chunks, partial);
      }
      T chunk = parse();
      if (chunks++ == 0) {
        narrowToIdleTimeout();
      }
      partial.add(reader.content(chunk), reader.thinking(chunk));
      if (reader.isFinal(chunk)) {
        state = State.FINAL;
      }
      return chunk;
    } catch (IOException e) {
      throw transport.failures().streamIo(spec, e, slot, chunks, partial);
    }
  }

  private void open() {
    if (slot.isCancelled()) {
      throw transport.failures().cancelled(spec, slot);
    }
    active.add(this);
    response = transport.execute(spec, slot, true);
    source = response.body().source();
    lines = new LineReader(source);
    state = State.OPEN;
    Duration firstChunk = transport.config().firstChunkTimeout();
    long sinceSent = Math.max(0, System.currentTimeMillis() - response.sentRequestAtMillis());
    long remaining = firstChunk.toNanos() - TimeUnit.MILLISECONDS.toNanos(sinceSent);
    Timeout timeout = source.timeout();
    timeout.timeout(firstChunk.toNanos(), TimeUnit.NANOSECONDS);
    timeout.deadlineNanoTime(System.nanoTime() + Math.max(remaining, 0));
  }

  private void narrowToIdleTimeout() {
    Timeout timeout = source.timeout();
    timeout.clearDeadline();
    timeout.timeout(transport.config().idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
  }

  private T parse() throws IOException {
    try (JsonParser parser = OllamaJson.FACTORY.createParser(lines.bytes(), 0, lines.length())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw malformed(new IOException("the line is not a JSON object"));
      }
      T chunk = reader.read(parser);
      if (parser.nextToken() != null) {
        throw malformed(new IOException("more follows the JSON object on the same line"));
      }
      return chunk;
    } catch (ChunkReader.ErrorLine error) {
      throw transport.failures().errorLine(spec, error.getMessage(), chunks, partial);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private OllamaStreamException malformed(IOException e) {
    String start = "'" + lines.preview(80) + "'";
    return transport.failures().malformedLine(spec, lines.number(), start, e, chunks, partial);
  }

  /** Releases the response: back to the pool when finished, closed otherwise. */
  private void end(boolean finished) {
    state = State.ENDED;
    active.remove(this);
    if (!finished) {
      slot.cancel("closed before its end");
    }
    if (response != null) {
      response.close();
    }
  }
}
