package dev.workflowengine.ollama;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one stream for a {@link StreamListener} on an executor thread: chunks in order, then
 * exactly one completion or error.
 */
final class ListenerTask<T> implements Runnable, StreamHandle {

  private static final Logger log = LoggerFactory.getLogger(ListenerTask.class);

  private final OllamaStream<T> stream;
  private final StreamListener<T> listener;
  private volatile boolean done;

  ListenerTask(OllamaStream<T> stream, StreamListener<T> listener) {
    this.stream = stream;
    this.listener = listener;
  }

  @Override
  public void run() {
    Throwable failure = null;
    try (stream) {
      for (T chunk : stream) {
        listener.onChunk(chunk);
      }
    } catch (Throwable e) {
      failure = e;
    }
    try {
      if (failure == null) {
        listener.onComplete();
      } else {
        listener.onError(failure);
      }
    } catch (RuntimeException e) {
      log.warn("a StreamListener threw from {}", failure == null ? "onComplete" : "onError", e);
    } finally {
      done = true;
    }
  }

  @Override
  public void cancel() {
    stream.cancel();
  }

  @Override
  public boolean isDone() {
    return done;
  }
}
