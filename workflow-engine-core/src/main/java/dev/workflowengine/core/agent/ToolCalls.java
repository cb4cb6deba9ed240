package dev.workflowengine.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.NodeContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tool calls of one model turn at once and turns each into a result message, in the order
 * the model asked for them. A tool that throws, an unknown tool or arguments that are not JSON
 * become a result saying so: the model sees the error and can try another way.
 *
 * <p>The calls run on one pool shared by every agent in the JVM: a cached pool of daemon threads,
 * so a turn with n calls gets n threads at once (they may wait on each other, which a bounded pool
 * could deadlock on) and idle threads go away after a minute. Each call sees the node's {@link
 * NodeContext}, so a tool reads its idempotency key there as on the node's own thread. Thread-safe.
 */
final class ToolCalls {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          work -> {
            Thread thread = new Thread(work, "agent-tool-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

  private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {};

  private ToolCalls() {}

  /** What one call did, as it goes into the completion event's {@code tool_calls}. */
  record Outcome(ToolExecutionResultMessage message, Map<String, Object> record) {}

  static List<Outcome> run(
      List<ToolExecutionRequest> requests,
      Map<String, AgentTool> tools,
      Optional<NodeContext> context)
      throws InterruptedException {
    List<Future<Outcome>> futures = new ArrayList<>(requests.size());
    for (ToolExecutionRequest request : requests) {
      Callable<Outcome> call = () -> call(request, tools.get(request.name()), tools);
      futures.add(POOL.submit(context.map(c -> c.bind(call)).orElse(call)));
    }
    List<Outcome> outcomes = new ArrayList<>(requests.size());
    try {
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
    } catch (ExecutionException e) {
      // call() turns every tool failure into an outcome; this is a bug in this class
      throw new IllegalStateException("a tool call failed outside the tool", e.getCause());
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
    return outcomes;
  }

  private static Outcome call(
      ToolExecutionRequest request, AgentTool tool, Map<String, AgentTool> tools) {
    long started = System.nanoTime();
    Object result = null;
    String error = null;
    try {
      if (tool == null) {
        error = "unknown tool '" + request.name() + "'; the tools are " + tools.keySet();
      } else {
        result = tool.execute(arguments(request.arguments()));
      }
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    String text = error != null ? "Error: " + error : asText(result);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", request.name());
    record.put("arguments", request.arguments() == null ? "" : request.arguments());
    if (error != null) {
      record.put("error", error);
    } else {
      record.put("result", text);
    }
    record.put("duration_ms", durationMs);
    return new Outcome(
        ToolExecutionResultMessage.from(request, text), Collections.unmodifiableMap(record));
  }

  private static Map<String, Object> arguments(String json) throws JsonProcessingException {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    Map<String, Object> arguments = MAPPER.readValue(json, ARGUMENTS);
    return arguments == null ? Map.of() : arguments;
  }

  private static String asText(Object result) {
    if (result == null) {
      return "null";
    }
    if (result instanceof String text) {
      return text;
    }
    try {
      return MAPPER.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      return String.valueOf(result);
    }
  }
}
