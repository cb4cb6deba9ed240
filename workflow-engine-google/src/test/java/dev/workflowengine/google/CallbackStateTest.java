package dev.workflowengine.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.api.AccessDeniedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The state defends the callback: a wrong, reused or expired one is refused before any request to
 * Google, and nothing is stored.
 */
class CallbackStateTest extends AuthorizationTestBase {

  @Test
  void refusesAStateItNeverIssued() {
    stubCodeExchange(3599);
    authorization.authorizationUrl("alice");

    assertThatThrownBy(() -> authorization.handleCallback(CODE, "forged-state"))
        .isInstanceOf(AuthorizationStateException.class)
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("authorizationUrl(userId)")
        .hasMessageNotContaining("forged-state");
    assertNothingSentOrStored();
    assertThat(authorization.pendingFlows()).isEqualTo(1);
  }

  @Test
  void refusesAStateUsedOnce() {
    stubCodeExchange(3599);
    String state = query(authorization.authorizationUrl("alice")).get("state");
    authorization.handleCallback(CODE, state);
    store.delete("alice", "google");

    assertThatThrownBy(() -> authorization.handleCallback(CODE, state))
        .isInstanceOf(AuthorizationStateException.class);
    assertThat(posts("/token")).hasSize(1);
    assertThat(store.names("alice")).isEmpty();
  }

  @Test
  void ofCallbacksRacingWithOneStateExactlyOneWins() throws Exception {
    stubCodeExchange(3599);
    String state = query(authorization.authorizationUrl("alice")).get("state");
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        outcomes.add(pool.submit(() -> callbackWins(start, state)));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> outcome : outcomes) {
        wins += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(posts("/token")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesAStateOlderThanItsLifetime() {
    stubCodeExchange(3599);
    String state = query(authorization.authorizationUrl("alice")).get("state");
    clock.advance(Duration.ofMinutes(10));

    assertThatThrownBy(() -> authorization.handleCallback(CODE, state))
        .isInstanceOf(AuthorizationStateException.class)
        .hasMessageContaining("PT10M");
    assertNothingSentOrStored();
  }

  @Test
  void acceptsAStateJustBeforeItExpires() {
    stubCodeExchange(3599);
    String state = query(authorization.authorizationUrl("alice")).get("state");
    clock.advance(Duration.ofMinutes(10).minusMillis(1));

    assertThat(authorization.handleCallback(CODE, state).connected()).isTrue();
  }

  @Test
  void honoursAConfiguredLifetime() {
    stubCodeExchange(3599);
    authorization = builder().stateTtl(Duration.ofMinutes(2)).build();
    String state = query(authorization.authorizationUrl("alice")).get("state");
    clock.advance(Duration.ofMinutes(2));

    assertThatThrownBy(() -> authorization.handleCallback(CODE, state))
        .isInstanceOf(AuthorizationStateException.class);
    assertNothingSentOrStored();
  }

  @Test
  void theStateSaysWhoseTokensTheyAre() {
    stubCodeExchange(3599);
    String bobsState = query(authorization.authorizationUrl("bob")).get("state");
    authorization.authorizationUrl("alice");

    AuthorizationStatus status = authorization.handleCallback(CODE, bobsState);

    assertThat(status.userId()).isEqualTo("bob");
    assertThat(store.names("bob")).containsExactly("google");
    assertThat(store.names("alice")).isEmpty();
  }

  @Test
  void purgesExpiredFlowsSoTheyDoNotAccumulate() {
    for (int i = 0; i < 5; i++) {
      authorization.authorizationUrl("user-" + i);
    }
    clock.advance(Duration.ofMinutes(11));

    authorization.authorizationUrl("alice");

    assertThat(authorization.pendingFlows()).isEqualTo(1);
  }

  @Test
  void aUserKeepsOnlyTheirNewestFlowsSoUnfinishedOnesCannotAccumulate() {
    List<String> states = new ArrayList<>();
    for (int i = 0; i <= PendingAuthorizations.MAX_PER_USER; i++) {
      states.add(query(authorization.authorizationUrl("alice")).get("state"));
    }
    authorization.authorizationUrl("bob");

    assertThat(authorization.pendingFlows()).isEqualTo(PendingAuthorizations.MAX_PER_USER + 1);
    assertThatThrownBy(() -> authorization.handleCallback(CODE, states.get(0)))
        .isInstanceOf(AuthorizationStateException.class);
    stubCodeExchange(3600);
    assertThat(authorization.handleCallback(CODE, states.get(states.size() - 1)).userId())
        .isEqualTo("alice");
  }

  private boolean callbackWins(CountDownLatch start, String state) throws InterruptedException {
    start.await();
    try {
      authorization.handleCallback(CODE, state);
      return true;
    } catch (AuthorizationStateException e) {
      return false;
    }
  }

  private void assertNothingSentOrStored() {
    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(store.names("alice")).isEmpty();
  }
}
