package dev.workflowengine.google;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.event.ExecutionScheduledEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Google requests through Failsafe policies, outermost first:
 *
 * <ol>
 *   <li>the user's rate limiter, so a refused call sends nothing and costs no one else a permit; it
 *       counts calls, not the retries inside them;
 *   <li>the service's circuit breaker, which sees each call's outcome after its retries: 5xx and
 *       network failures count as failures, any answer under 500 shows the service is up;
 *   <li>the service's retry policy: 429, 5xx, 403 with a rate-limit reason and network failures,
 *       with backoff and jitter or Google's {@code Retry-After}; never other 4xx.
 * </ol>
 *
 * <p>The limiter sits outside the breaker because a breaker records every outcome it does not
 * handle as a success: a refusal by the limiter would reset its count of consecutive failures.
 * Thread-safe.
 */
final class ResilientCalls {

  private static final Logger log = LoggerFactory.getLogger(ResilientCalls.class);

  private final ResilienceSettings settings;
  private final GoogleFailures failures;
  private final UserRateLimiters rateLimiters;
  private final Map<GoogleService, CircuitBreaker<Object>> breakers =
      new EnumMap<>(GoogleService.class);
  private final Map<GoogleService, RetryPolicy<Object>> retries =
      new EnumMap<>(GoogleService.class);

  ResilientCalls(ResilienceSettings settings) {
    this.settings = settings;
    this.failures = new GoogleFailures(settings);
    this.rateLimiters =
        new UserRateLimiters(
            settings.rateLimitRequests(), settings.rateLimitPeriod(), settings.rateLimitWait());
    RetryDelays delays =
        new RetryDelays(
            settings.baseDelay(),
            settings.maxDelay(),
            () -> ThreadLocalRandom.current().nextDouble());
    for (GoogleService service : GoogleService.values()) {
      breakers.put(service, newBreaker(service));
      retries.put(service, retryPolicy(service, delays));
    }
  }

  /** Runs a call with the policies; the failures it throws are this SDK's. */
  <T> T run(GoogleService service, String userId, GoogleCall<T> call) {
    CircuitBreaker<Object> breaker = breakers.get(service);
    AtomicInteger attempts = new AtomicInteger();
    try {
      return Failsafe.with(rateLimiters.forUser(userId), breaker, retries.get(service))
          .get(
              () -> {
                attempts.incrementAndGet();
                return call.execute();
              });
    } catch (CircuitBreakerOpenException e) {
      throw failures.circuitOpen(service, breaker);
    } catch (RateLimitExceededException e) {
      throw failures.rateLimited(userId, rateLimiters.untilNextPeriod(userId));
    } catch (FailsafeException e) {
      // Failsafe wraps checked exceptions (IOExceptions here); unchecked ones, such as
      // NotConnectedException from the credential source, pass through as they were thrown.
      throw failures.callFailed(service, userId, e.getCause(), attempts.get());
    }
  }

  private RetryPolicy<Object> retryPolicy(GoogleService service, RetryDelays delays) {
    return RetryPolicy.builder()
        .handleIf(GoogleErrors::isRetriable)
        .withMaxRetries(settings.maxRetries())
        .withDelayFn(
            context -> delays.next(retryAfter(context.getLastException()), attempts(context)))
        // A wait longer than the policy allows is not made at all: the exception carries
        // retryAfter, and the caller (or the engine's node policy) decides when to come back.
        .abortIf((result, failure) -> delays.tooLong(retryAfter(failure)))
        .onRetryScheduled(event -> logRetry(service, event))
        .build();
  }

  private CircuitBreaker<Object> newBreaker(GoogleService service) {
    return CircuitBreaker.builder()
        .handleIf(GoogleErrors::isOutage)
        .withFailureThreshold(settings.breakerFailureThreshold())
        // Without a success threshold, a half-open breaker lets as many trial calls through as the
        // failure threshold and reopens only when all of them fail; one trial decides instead.
        .withSuccessThreshold(1)
        .withDelay(settings.breakerDelay())
        .onOpen(
            event ->
                log.warn(
                    "{} failed {} calls in a row; refusing calls for {} ms",
                    service.displayName(),
                    settings.breakerFailureThreshold(),
                    settings.breakerDelay().toMillis()))
        .onHalfOpen(event -> log.info("{}: letting a trial call through", service.displayName()))
        .onClose(event -> log.info("{} answers again; calls resume", service.displayName()))
        .build();
  }

  private void logRetry(GoogleService service, ExecutionScheduledEvent<Object> event) {
    log.info(
        "{} failed ({}); attempt {} of {} in {} ms",
        service.displayName(),
        GoogleErrors.describe(event.getLastException()),
        event.getAttemptCount() + 1,
        settings.maxRetries() + 1,
        event.getDelay().toMillis());
  }

  private static Optional<Duration> retryAfter(Throwable failure) {
    return failure == null ? Optional.empty() : GoogleErrors.retryAfter(failure, Instant.now());
  }

  private static int attempts(ExecutionContext<Object> context) {
    return Math.max(1, context.getAttemptCount());
  }
}
