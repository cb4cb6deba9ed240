package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.workflowengine.api.WorkflowExecutionException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Fan-out and fan-in: branches run at the same time and their updates meet at the join. */
class ParallelBranchesTest {

  private static final String END = Workflow.END;

  /** s fans out to a and b, which lead to j. */
  private static WorkflowBuilder fanOut(
      String a, NodeAction first, String b, NodeAction second, NodeAction join) {
    return Workflow.builder("par")
        .node("s", s -> Map.of())
        .node(a, first)
        .node(b, second)
        .node("j", join)
        .start("s")
        .edge("s", a)
        .edge("s", b)
        .edge(a, "j")
        .edge(b, "j")
        .edge("j", END);
  }

  @Test
  void branchesRunAtTheSameTime() {
    CyclicBarrier allThree = new CyclicBarrier(3);
    NodeAction meet =
        s -> {
          allThree.await(10, TimeUnit.SECONDS); // breaks unless all three wait at once
          return Map.of();
        };
    Workflow workflow =
        Workflow.builder("par")
            .node("s", s -> Map.of())
            .node("a", meet)
            .node("b", meet)
            .node("c", meet)
            .node("j", s -> Map.of("joined", true))
            .start("s")
            .edge("s", "a")
            .edge("s", "b")
            .edge("s", "c")
            .edge("a", "j")
            .edge("b", "j")
            .edge("c", "j")
            .edge("j", END)
            .build();

    RunResult result = workflow.invoke(Map.of());

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.path()).containsExactly("s", "a", "b", "c", "j");
    assertThat(result.state().getBoolean("joined")).isTrue();
  }

  @Test
  void theJoinRunsOnceAfterAllBranches() {
    AtomicInteger joins = new AtomicInteger();
    Workflow workflow =
        Workflow.builder("par")
            .node("s", s -> Map.of())
            .node("a", s -> Map.of("a", 1))
            .node("b", s -> Map.of("b", 2))
            .node(
                "j",
                s -> {
                  joins.incrementAndGet();
                  return Map.of("sum", s.getInt("a") + s.getInt("b"));
                })
            .start("s")
            .edge("s", "a")
            .edge("s", "b")
            .edge("a", "j")
            .edge("b", "j")
            .edge("j", END)
            .build();

    RunResult result = workflow.invoke(Map.of());

    assertThat(joins).hasValue(1);
    assertThat(result.state().getInt("sum")).isEqualTo(3);
    assertThat(result.path()).containsExactly("s", "a", "b", "j");
  }

  @Test
  void updatesCombineInDeclarationOrderWhateverOrderBranchesFinishIn() {
    CountDownLatch secondDone = new CountDownLatch(1);
    Workflow workflow =
        Workflow.builder("par")
            .node("s", s -> Map.of())
            .node(
                "first",
                s -> {
                  secondDone.await(); // finishes last
                  return Map.of("log", "first");
                })
            .node(
                "second",
                s -> {
                  secondDone.countDown();
                  return Map.of("log", List.of("second-a", "second-b"));
                })
            .node("j", s -> Map.of())
            .start("s")
            .edge("s", "first")
            .edge("s", "second")
            .edge("first", "j")
            .edge("second", "j")
            .edge("j", END)
            .reducer("log", Reducers.append())
            .build();

    RunResult result = workflow.invoke(Map.of("log", List.of("start")));

    assertThat(result.state().getList("log", String.class))
        .containsExactly("start", "first", "second-a", "second-b");
    assertThat(result.path()).containsExactly("s", "first", "second", "j");
  }

  @Test
  void appendKeepsEveryItemOfEveryBranchIncludingDuplicates() {
    NodeAction same = s -> Map.of("items", "x");
    Workflow workflow =
        Workflow.builder("par")
            .node("s", s -> Map.of("items", "x"))
            .node("a", same)
            .node("b", same)
            .node("c", s -> Map.of("items", List.of("x", "y")))
            .node("j", s -> Map.of("items", "x"))
            .start("s")
            .edge("s", "a")
            .edge("s", "b")
            .edge("s", "c")
            .edge("a", "j")
            .edge("b", "j")
            .edge("c", "j")
            .edge("j", END)
            .reducer("items", Reducers.append())
            .build();

    assertThat(workflow.invoke(Map.of()).state().getList("items", String.class))
        .containsExactly("x", "x", "x", "x", "y", "x");
  }

  @Test
  void twoBranchesWritingTheSameKeyWithoutReducerFailNamingBoth() {
    AtomicInteger joins = new AtomicInteger();
    Workflow workflow =
        fanOut(
                "a",
                s -> Map.of("out", "a"),
                "b",
                s -> Map.of("out", "b"),
                s -> {
                  joins.incrementAndGet();
                  return Map.of();
                })
            .build();

    assertThatThrownBy(() -> workflow.invoke(Map.of()))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).contains("b"))
        .hasMessage(
            "parallel branches 'a' and 'b' of the fan-out from 's' both wrote state key 'out',"
                + " which has no reducer; write different keys or give 'out' a reducer such as"
                + " Reducers.append()");
    assertThat(joins).hasValue(0);
  }

  @Test
  void aFailingBranchFailsTheRunAndInterruptsTheOthers() {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean slowInterrupted = new AtomicBoolean();
    AtomicInteger joins = new AtomicInteger();
    IOException boom = new IOException("branch broke");
    Workflow workflow =
        Workflow.builder("par")
            .node("s", s -> Map.of())
            .node(
                "slow",
                s -> {
                  slowStarted.countDown();
                  try {
                    never.await();
                  } catch (InterruptedException e) {
                    slowInterrupted.set(true);
                    throw e;
                  }
                  return Map.of();
                })
            .node(
                "broken",
                s -> {
                  slowStarted.await();
                  throw boom;
                })
            .node(
                "j",
                s -> {
                  joins.incrementAndGet();
                  return Map.of();
                })
            .start("s")
            .edge("s", "slow")
            .edge("s", "broken")
            .edge("slow", "j")
            .edge("broken", "j")
            .edge("j", END)
            .build();

    assertThatThrownBy(() -> workflow.invoke(Map.of()))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class, e -> assertThat(e.nodeId()).contains("broken"))
        .hasMessage("node 'broken' of workflow 'par' failed: branch broke")
        .cause()
        .isSameAs(boom);
    await().untilTrue(slowInterrupted);
    assertThat(joins).hasValue(0);
  }

  @Test
  void usesTheConfiguredExecutor() {
    AtomicInteger submitted = new AtomicInteger();
    Executor executor =
        task -> {
          submitted.incrementAndGet();
          Thread thread = new Thread(task, "custom-branch");
          thread.start();
        };
    Set<String> threads = ConcurrentHashMap.newKeySet();
    NodeAction recordThread =
        s -> {
          threads.add(Thread.currentThread().getName());
          return Map.of();
        };
    Workflow workflow =
        fanOut("a", recordThread, "b", recordThread, s -> Map.of())
            .parallelExecutor(executor)
            .build();

    workflow.invoke(Map.of());

    assertThat(submitted).hasValue(2);
    assertThat(threads).containsExactly("custom-branch");
  }

  @Test
  void fansOutFromTheStart() {
    Workflow workflow =
        Workflow.builder("par")
            .node("a", s -> Map.of("a", 1))
            .node("b", s -> Map.of("b", 2))
            .node("j", s -> Map.of("sum", s.getInt("a") + s.getInt("b")))
            .start("a")
            .edge(Workflow.START, "b")
            .edge("a", "j")
            .edge("b", "j")
            .edge("j", END)
            .build();

    RunResult result = workflow.invoke(Map.of());

    assertThat(result.path()).containsExactly("a", "b", "j");
    assertThat(result.state().getInt("sum")).isEqualTo(3);
  }

  @Test
  void branchesMayLeadStraightToTheEnd() {
    Workflow workflow =
        Workflow.builder("par")
            .node("s", s -> Map.of())
            .node("a", s -> Map.of("a", 1))
            .node("b", s -> Map.of("b", 2))
            .start("s")
            .edge("s", "a")
            .edge("s", "b")
            .edge("a", END)
            .edge("b", END)
            .build();

    RunResult result = workflow.invoke(Map.of());

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(result.state().asMap()).isEqualTo(Map.of("a", 1, "b", 2));
    assertThat(result.path()).containsExactly("s", "a", "b");
  }
}
