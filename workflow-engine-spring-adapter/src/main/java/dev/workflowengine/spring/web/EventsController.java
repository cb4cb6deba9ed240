package dev.workflowengine.spring.web;

import dev.workflowengine.core.engine.WorkflowEngine;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live events of one of the caller's executions over SSE: everything after the sequence in
 * Last-Event-ID (or the {@code after} parameter, for clients that cannot set headers), then live
 * events until the execution ends.
 */
@RestController
@RequestMapping("${workflow-engine.web.base-path:/api/v1}/executions")
final class EventsController {

  private final WorkflowEngine engine;
  private final EventStreams streams;

  EventsController(WorkflowEngine engine, EventStreams streams) {
    this.engine = engine;
    this.streams = streams;
  }

  @GetMapping(path = "/{executionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @RequestAttribute(CallerInterceptor.USER) String user,
      @PathVariable String executionId,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(name = "after", required = false) String after) {
    RequestChecks checks = new RequestChecks().executionId(executionId);
    long lastSeen = sequence(checks, "Last-Event-ID", lastEventId);
    if (lastEventId == null) {
      lastSeen = sequence(checks, "after", after);
    }
    checks.throwIfAny();
    // Subscribing checks ownership first, so another user's id fails as 404 before the stream
    // opens.
    return streams.open(executionId, engine.events(executionId, user, lastSeen));
  }

  private static long sequence(RequestChecks checks, String location, String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long sequence = Long.parseLong(value.strip());
      if (sequence >= 0) {
        return sequence;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    checks.problem(location, "must be the sequence of an event, a whole number from 0");
    return 0;
  }
}
