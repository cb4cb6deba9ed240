package dev.workflowengine.spring.web;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.core.Workflows;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the SDK's records on the wire: snake_case like the events, statuses in lower
 * case like the seeds' API, and a stored definition exactly as {@link Workflows#toJson} writes it.
 */
final class Views {

  private Views() {}

  static Map<String, Object> execution(ExecutionRecord record) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("execution_id", record.executionId());
    view.put("workflow_id", record.workflowId());
    view.put("workflow_version", record.workflowVersion());
    view.put("user_id", record.userId());
    view.put("status", status(record));
    view.put("created_at", record.createdAt());
    view.put("updated_at", record.updatedAt());
    view.put("started_at", record.startedAt());
    view.put("completed_at", record.completedAt());
    view.put("waiting_until", record.waitingUntil());
    view.put("cancel_requested", record.cancelRequested());
    view.put("output", record.output());
    record
        .error()
        .ifPresent(
            error -> {
              Map<String, Object> errorView = new LinkedHashMap<>();
              errorView.put("type", error.type());
              errorView.put("message", error.message());
              errorView.put("node_id", error.nodeId());
              view.put("error", errorView);
            });
    return view;
  }

  static String status(ExecutionRecord record) {
    return record.status().name().toLowerCase(Locale.ROOT);
  }

  static Map<String, Object> workflow(StoredWorkflow stored) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("workflow_id", stored.workflowId());
    view.put("version", stored.version());
    view.put("owner_id", stored.ownerId());
    view.put("created_at", stored.createdAt());
    view.put("definition", WireJson.tree(Workflows.toJson(stored.definition())));
    return view;
  }
}
