package dev.workflowengine.google.gmail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Sends an e-mail at most once per key within this process, remembering the last {@code capacity}
 * keys. A second send with a key in flight waits for the first and gets its message; a failed send
 * forgets its key, so that a retry can send.
 *
 * <p>Memory only: it cannot stop a repeat in another process or after a restart. Thread-safe.
 */
final class SendOnce {

  /** What a send came to: the message, and whether an earlier send with the same key made it. */
  record Outcome(SentMessage message, boolean repeated) {}

  private final Map<String, CompletableFuture<SentMessage>> sends;

  SendOnce(int capacity) {
    this.sends =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<SentMessage>> e) {
            return size() > capacity;
          }
        };
  }

  Outcome send(String key, Supplier<SentMessage> sender) {
    CompletableFuture<SentMessage> mine = new CompletableFuture<>();
    CompletableFuture<SentMessage> earlier;
    synchronized (sends) {
      earlier = sends.putIfAbsent(key, mine);
    }
    if (earlier != null) {
      try {
        return new Outcome(earlier.join(), true);
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      SentMessage sent = sender.get();
      mine.complete(sent);
      return new Outcome(sent, false);
    } catch (RuntimeException | Error e) {
      synchronized (sends) {
        sends.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }
}
