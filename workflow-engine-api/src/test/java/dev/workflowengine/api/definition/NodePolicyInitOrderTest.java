package dev.workflowengine.api.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression: when {@code NodePolicy.Backoff} was initialised before {@code NodePolicy} (as Jackson
 * does when it reads a policy with a backoff), {@code NodePolicy.NONE} was built while {@code
 * Backoff.DEFAULT} was still null, so {@code NONE.backoff()} was null.
 */
class NodePolicyInitOrderTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev.workflowengine.api.definition.NodePolicy$Backoff",
        "dev.workflowengine.api.definition.NodePolicy",
        "dev.workflowengine.api.definition.NodePolicy$CircuitBreaker",
        "dev.workflowengine.api.definition.NodePolicy$RateLimit"
      })
  void noneHasTheDefaultBackoffWhicheverClassIsInitialisedFirst(String first) throws Exception {
    URL classes = NodePolicy.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader fresh =
        new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class.forName(first, true, fresh);
      Class<?> policyClass = Class.forName(NodePolicy.class.getName(), true, fresh);
      Object none = policyClass.getField("NONE").get(null);
      Object backoff = policyClass.getMethod("backoff").invoke(none);
      Object defaultBackoff =
          Class.forName(NodePolicy.Backoff.class.getName(), true, fresh)
              .getField("DEFAULT")
              .get(null);

      assertThat(policyClass.getClassLoader()).isSameAs(fresh);
      assertThat(backoff).isNotNull().isEqualTo(defaultBackoff);
    }
  }

  @Test
  void noneEqualsAnEmptyBuilderAndItsJsonDefaults() {
    assertThat(NodePolicy.NONE.backoff()).isEqualTo(NodePolicy.Backoff.DEFAULT);
    assertThat(NodePolicy.NONE).isEqualTo(NodePolicy.builder().build());
  }
}
