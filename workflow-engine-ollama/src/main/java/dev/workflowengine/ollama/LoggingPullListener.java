package dev.workflowengine.ollama;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs pull progress without flooding the log: a layer download sends hundreds of lines with the
 * same status, so only a change of status is worth INFO.
 */
final class LoggingPullListener implements PullListener {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingPullListener.class);

  private final Map<String, String> lastStatus = new ConcurrentHashMap<>();

  @Override
  public void onProgress(String model, Progress progress) {
    String previous = lastStatus.put(model, progress.status());
    if (!progress.status().equals(previous)) {
      LOG.info("pulling {}: {}", model, progress.status());
    } else if (LOG.isDebugEnabled()) {
      LOG.debug(
          "pulling {}: {} {}/{} bytes",
          model,
          progress.status(),
          progress.completed().orElse(0),
          progress.total().orElse(0));
    }
    if (progress.isSuccess()) {
      lastStatus.remove(model);
    }
  }
}
