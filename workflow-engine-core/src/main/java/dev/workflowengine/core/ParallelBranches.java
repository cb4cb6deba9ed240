package dev.workflowengine.core;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.workflowengine.api.WorkflowExecutionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.action.AsyncNodeActionWithConfig;
import org.bsc.langgraph4j.state.AgentState;

/**
 * Runs the branches of a fan-out concurrently and returns their updates combined, in declaration
 * order, as one update.
 *
 * <p>Written here rather than using LangGraph4j's parallel node for two reasons: that node returns
 * the whole merged state as its update, which applies append reducers twice, and it runs branches
 * one after another unless every invocation configures an executor for it.
 */
final class ParallelBranches implements AsyncNodeActionWithConfig<AgentState> {

  private static final ExecutorService DEFAULT_EXECUTOR =
      Executors.newCachedThreadPool(daemonThreads());

  private final String workflowId;
  private final String source;
  private final List<NodeExecution> branches;
  private final Map<String, Reducer> reducers;
  private final Executor executor;

  ParallelBranches(
      String workflowId,
      String source,
      List<NodeExecution> branches,
      Map<String, Reducer> reducers,
      Executor executor) {
    this.workflowId = workflowId;
    this.source = source;
    this.branches = List.copyOf(branches);
    this.reducers = reducers;
    this.executor = executor;
  }

  static Executor defaultExecutor() {
    return DEFAULT_EXECUTOR;
  }

  @Override
  public CompletableFuture<Map<String, Object>> apply(AgentState state, RunnableConfig config) {
    RunContext run = RunContext.of(config);
    if (run.isStopped() || run.pauseIfAsked()) {
      return completedFuture(Map.of());
    }
    WorkflowState view = WorkflowState.of(state.data());
    BlockingQueue<FutureTask<Completion>> finished = new LinkedBlockingQueue<>();
    List<FutureTask<Completion>> tasks = new ArrayList<>(branches.size());
    for (NodeExecution branch : branches) {
      FutureTask<Completion> task =
          new FutureTask<>(() -> branch.run(view, run)) {
            @Override
            protected void done() {
              finished.add(this);
            }
          };
      tasks.add(task);
      executor.execute(task);
    }
    try {
      awaitAll(tasks, finished);
      List<Completion> completions = new ArrayList<>(tasks.size());
      for (FutureTask<Completion> task : tasks) {
        completions.add(task.get());
      }
      Map<String, Object> update = combine(completions);
      run.recordStep(completions, update);
      return completedFuture(update);
    } catch (InterruptedException interrupted) {
      tasks.forEach(task -> task.cancel(true));
      Thread.currentThread().interrupt();
      run.cancel();
    } catch (ExecutionException branchFailure) {
      tasks.forEach(task -> task.cancel(true));
      stop(run, branchFailure.getCause(), workflowId, source);
    } catch (WorkflowExecutionException conflict) {
      run.fail(conflict);
    }
    return completedFuture(Map.of());
  }

  /** Waits until every branch finished, failing fast on the first that failed. */
  private static void awaitAll(
      List<FutureTask<Completion>> tasks, BlockingQueue<FutureTask<Completion>> finished)
      throws InterruptedException, ExecutionException {
    for (int i = 0; i < tasks.size(); i++) {
      finished.take().get();
    }
  }

  private static void stop(RunContext run, Throwable failure, String workflowId, String source) {
    if (failure instanceof RunCancelledException) {
      run.cancel();
    } else if (failure instanceof WorkflowExecutionException execution) {
      run.fail(execution);
    } else { // from outside the branch's node, such as a failing listener
      run.fail(Failures.nodeFailed(workflowId, source, failure));
    }
  }

  private Map<String, Object> combine(List<Completion> completions) {
    Map<String, Object> combined = new LinkedHashMap<>();
    Map<String, String> writers = new LinkedHashMap<>();
    for (Completion completion : completions) {
      for (Map.Entry<String, Object> entry : completion.update().entrySet()) {
        String key = entry.getKey();
        String earlier = writers.putIfAbsent(key, completion.nodeId());
        if (earlier == null) {
          combined.put(key, entry.getValue());
        } else {
          combined.put(
              key,
              combineValues(
                  key, earlier, completion.nodeId(), combined.get(key), entry.getValue()));
        }
      }
    }
    return combined;
  }

  private Object combineValues(String key, String first, String second, Object a, Object b) {
    Reducer reducer = reducers.get(key);
    try {
      if (reducer != null && a != null && b != null) {
        return reducer.combine(a, b);
      }
    } catch (IllegalStateException refused) {
      // reported below
    }
    throw new WorkflowExecutionException(
        workflowId,
        second,
        "parallel branches '"
            + first
            + "' and '"
            + second
            + "' of the fan-out from '"
            + source
            + "' both wrote state key '"
            + key
            + "'"
            + (reducer == null ? ", which has no reducer" : ", whose reducer cannot combine them")
            + "; write different keys or give '"
            + key
            + "' a reducer such as Reducers.append()",
        null);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "workflow-branch-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
