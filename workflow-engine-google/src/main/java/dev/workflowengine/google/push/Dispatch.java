package dev.workflowengine.google.push;

import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns one kind of verified change into workflow starts and listener calls. Starts come first: a
 * start that fails propagates before any listener has run, so the notification is not recorded and
 * Google's retry runs everything again, the starts that did succeed being found again by their
 * idempotency key.
 *
 * @param <C> the change
 */
final class Dispatch<C> {

  private static final Logger LOG = LoggerFactory.getLogger(GooglePushHandler.class);

  /** A workflow to start on every change. */
  record Start(WorkflowEngine engine, String workflowId) {}

  /**
   * How a change becomes a start: its owner, its input and a key that is the same on redelivery.
   */
  record Mapping<C>(
      String kind,
      Function<C, String> userId,
      Function<C, Map<String, Object>> input,
      Function<C, String> idempotencyKey) {}

  private final Mapping<C> mapping;
  private final List<Start> starts;
  private final List<Consumer<? super C>> listeners;

  Dispatch(Mapping<C> mapping, List<Start> starts, List<Consumer<? super C>> listeners) {
    this.mapping = mapping;
    this.starts = List.copyOf(starts);
    this.listeners = List.copyOf(listeners);
  }

  boolean isEmpty() {
    return starts.isEmpty() && listeners.isEmpty();
  }

  /** Starts the workflows, then calls the listeners; returns the started executions' ids. */
  List<String> dispatch(C change) {
    String userId = mapping.userId().apply(change);
    try (MDC.MDCCloseable user = MDC.putCloseable("userId", userId)) {
      List<String> executionIds = start(change, userId);
      notifyListeners(change, userId);
      return executionIds;
    }
  }

  private List<String> start(C change, String userId) {
    List<String> executionIds = new ArrayList<>(starts.size());
    Map<String, Object> input = mapping.input().apply(change);
    String key = mapping.idempotencyKey().apply(change);
    for (Start start : starts) {
      StartRequest request =
          StartRequest.of(start.workflowId(), input).user(userId).idempotencyKey(key);
      String executionId = start.engine().start(request).executionId();
      LOG.debug(
          "{} {} started workflow '{}' as execution {}",
          mapping.kind(),
          key,
          start.workflowId(),
          executionId);
      executionIds.add(executionId);
    }
    return executionIds;
  }

  private void notifyListeners(C change, String userId) {
    for (Consumer<? super C> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        // one failing listener must not keep the others from hearing of the change
        LOG.warn(
            "A {} listener failed for user {}; the others still ran", mapping.kind(), userId, e);
      }
    }
  }
}
