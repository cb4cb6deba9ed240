package dev.workflowengine.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records listener calls as short strings such as {@code "started a#1"}. Thread-safe. */
final class RecordingListener implements RunListener {

  final List<String> events = new CopyOnWriteArrayList<>();
  final List<Throwable> errors = new CopyOnWriteArrayList<>();

  @Override
  public void nodeStarted(String runId, String nodeId, int attempt) {
    events.add("started " + nodeId + "#" + attempt);
  }

  @Override
  public void nodeCompleted(
      String runId, String nodeId, int attempt, Map<String, Object> update, Duration duration) {
    events.add("completed " + nodeId + "#" + attempt);
  }

  @Override
  public void nodeFailed(
      String runId, String nodeId, int attempt, Throwable error, boolean willRetry) {
    events.add("failed " + nodeId + "#" + attempt + (willRetry ? " retry" : " final"));
    errors.add(error);
  }
}
