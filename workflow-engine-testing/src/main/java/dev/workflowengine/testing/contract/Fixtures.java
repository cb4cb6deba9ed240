package dev.workflowengine.testing.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Ids and instants the contract kits share. */
final class Fixtures {

  private Fixtures() {}

  /**
   * A new id, unique across test runs, so that a store shared by many tests never mixes them up.
   */
  static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** An Awaitility wait that checks at once and then every few milliseconds, up to a limit. */
  static ConditionFactory waitUpTo(Duration patience) {
    return Awaitility.await()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(2))
        .atMost(patience);
  }

  /** The current instant at millisecond precision, which every SQL timestamp type keeps. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
