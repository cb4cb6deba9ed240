package dev.workflowengine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The user a run acts for, as nodes see it. */
class NodeContextUserTest {

  private final AtomicReference<Object> seen = new AtomicReference<>();

  private final Workflow lookup =
      Workflow.builder("lookup")
          .node(
              "look",
              state -> {
                try {
                  seen.set(NodeContext.requireUserId("the test tools"));
                } catch (IllegalStateException e) {
                  seen.set(e);
                }
                return Map.of();
              })
          .start("look")
          .edge("look", Workflow.END)
          .build();

  @Test
  void aRunStartedForAUserHasIt() {
    lookup.invoke(Map.of(), RunOptions.builder().userId("erin").build());

    assertThat(seen.get()).isEqualTo("erin");
  }

  @Test
  void aRunWithoutAUserSaysHowToGiveItOne() {
    lookup.invoke(Map.of());

    assertThat(seen.get())
        .isInstanceOf(IllegalStateException.class)
        .asString()
        .contains("the test tools act for the user a workflow run acts for")
        .contains("StartRequest.user(id)");
  }

  @Test
  void outsideARunThereIsNoUser() {
    assertThatThrownBy(() -> NodeContext.requireUserId("the test tools"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside a run");
  }
}
