package dev.workflowengine.spring.google;

import static dev.workflowengine.spring.google.GoogleTesting.CLIENT;
import static dev.workflowengine.spring.google.GoogleTesting.CLIENT_ID;
import static dev.workflowengine.spring.google.GoogleTesting.CLIENT_SECRET;
import static dev.workflowengine.spring.google.GoogleTesting.GMAIL_TOKEN;
import static dev.workflowengine.spring.google.GoogleTesting.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;

/** Every Google property binds, and a wrong value fails start-up naming it but no secret. */
class GooglePropertiesTests {

  @Test
  void defaults() {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .run(
            context -> {
              GoogleProperties google = context.getBean(GoogleProperties.class);
              assertThat(google.clientId()).isEqualTo(CLIENT_ID);
              assertThat(google.redirectUri()).isEqualTo(URI.create(REDIRECT_URI));
              assertThat(google.scopes())
                  .containsExactly(
                      "https://www.googleapis.com/auth/calendar.events",
                      "https://www.googleapis.com/auth/drive.file",
                      "https://www.googleapis.com/auth/gmail.readonly",
                      "https://www.googleapis.com/auth/gmail.send");
              assertThat(google.credentialName()).isEqualTo("google");
              assertThat(google.tokenUri())
                  .isEqualTo(URI.create("https://oauth2.googleapis.com/token"));
              assertThat(google.revokeUri())
                  .isEqualTo(URI.create("https://oauth2.googleapis.com/revoke"));
              assertThat(google.stateTtl()).isEqualTo(Duration.ofMinutes(10));
              assertThat(google.rootUrl()).isNull();
              assertThat(google.readTimeout()).isEqualTo(Duration.ofSeconds(60));
              assertThat(google.maxRetries()).isEqualTo(4);
              assertThat(google.retryMaxDelay()).isEqualTo(Duration.ofSeconds(32));
              assertThat(google.rateLimit())
                  .isEqualTo(
                      new GoogleProperties.RateLimit(100, Duration.ofMinutes(1), Duration.ZERO));
              assertThat(google.circuitBreaker())
                  .isEqualTo(new GoogleProperties.CircuitBreaker(5, Duration.ofSeconds(30)));
              assertThat(google.registerTools()).isTrue();
              assertThat(google.timeZone()).isNull();
              assertThat(google.push()).isEqualTo(new GoogleProperties.Push(null, null, null));
            });
  }

  @Test
  void everyPropertyBinds() {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues(
            "workflow-engine.google.scopes=https://www.googleapis.com/auth/calendar.readonly",
            "workflow-engine.google.credential-name=google-work",
            "workflow-engine.google.auth-uri=http://localhost:9000/auth",
            "workflow-engine.google.token-uri=http://localhost:9000/token",
            "workflow-engine.google.revoke-uri=http://localhost:9000/revoke",
            "workflow-engine.google.state-ttl=5m",
            "workflow-engine.google.root-url=http://localhost:9000",
            "workflow-engine.google.application-name=my-app",
            "workflow-engine.google.connect-timeout=2s",
            "workflow-engine.google.read-timeout=20s",
            "workflow-engine.google.max-retries=0",
            "workflow-engine.google.retry-base-delay=200ms",
            "workflow-engine.google.retry-max-delay=5s",
            "workflow-engine.google.rate-limit.requests=10",
            "workflow-engine.google.rate-limit.period=1s",
            "workflow-engine.google.rate-limit.max-wait=500ms",
            "workflow-engine.google.circuit-breaker.failure-threshold=2",
            "workflow-engine.google.circuit-breaker.delay=1m",
            "workflow-engine.google.register-tools=false",
            "workflow-engine.google.time-zone=Europe/Berlin",
            "workflow-engine.google.push.gmail-token=" + GMAIL_TOKEN,
            "workflow-engine.google.push.calendar-workflows=calendar-sync,agenda",
            "workflow-engine.google.push.gmail-workflows=inbox")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              GoogleProperties google = context.getBean(GoogleProperties.class);
              assertThat(google.scopes())
                  .containsExactly("https://www.googleapis.com/auth/calendar.readonly");
              assertThat(google.credentialName()).isEqualTo("google-work");
              assertThat(google.tokenUri()).isEqualTo(URI.create("http://localhost:9000/token"));
              assertThat(google.stateTtl()).isEqualTo(Duration.ofMinutes(5));
              assertThat(google.rootUrl()).isEqualTo("http://localhost:9000/");
              assertThat(google.applicationName()).isEqualTo("my-app");
              assertThat(google.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
              assertThat(google.maxRetries()).isZero();
              assertThat(google.retryBaseDelay()).isEqualTo(Duration.ofMillis(200));
              assertThat(google.rateLimit())
                  .isEqualTo(
                      new GoogleProperties.RateLimit(
                          10, Duration.ofSeconds(1), Duration.ofMillis(500)));
              assertThat(google.circuitBreaker())
                  .isEqualTo(new GoogleProperties.CircuitBreaker(2, Duration.ofMinutes(1)));
              assertThat(google.registerTools()).isFalse();
              assertThat(google.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
              assertThat(google.push().gmailToken()).isEqualTo(GMAIL_TOKEN);
              assertThat(google.push().calendarWorkflows())
                  .containsExactly("calendar-sync", "agenda");
              assertThat(google.push().gmailWorkflows()).isEqualTo(List.of("inbox"));
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "workflow-engine.google.client-id= | workflow-engine.google.client-id must not be blank",
        "workflow-engine.google.client-secret= | workflow-engine.google.client-secret must not",
        "workflow-engine.google.redirect-uri=/callback | workflow-engine.google.redirect-uri must",
        "workflow-engine.google.redirect-uri=ftp://app/cb | workflow-engine.google.redirect-uri",
        "workflow-engine.google.scopes= | workflow-engine.google.scopes must name at least one",
        "workflow-engine.google.credential-name=has space | workflow-engine.google.credential-name",
        "workflow-engine.google.token-uri=localhost/token | workflow-engine.google.token-uri",
        "workflow-engine.google.auth-uri=//x | workflow-engine.google.auth-uri",
        "workflow-engine.google.revoke-uri=mailto:a@b | workflow-engine.google.revoke-uri",
        "workflow-engine.google.state-ttl=2h | workflow-engine.google.state-ttl must be at most 1h",
        "workflow-engine.google.state-ttl=0s | workflow-engine.google.state-ttl",
        "workflow-engine.google.root-url=localhost:8089 | workflow-engine.google.root-url",
        "workflow-engine.google.root-url=http://proxy/google | workflow-engine.google.root-url must"
            + " have no path",
        "workflow-engine.google.application-name= | workflow-engine.google.application-name",
        "workflow-engine.google.connect-timeout=0s | workflow-engine.google.connect-timeout",
        "workflow-engine.google.read-timeout=2d | workflow-engine.google.read-timeout must be at"
            + " most a day",
        "workflow-engine.google.max-retries=21 | workflow-engine.google.max-retries",
        "workflow-engine.google.retry-base-delay=-1s | workflow-engine.google.retry-base-delay",
        "workflow-engine.google.retry-base-delay=1m | workflow-engine.google.retry-max-delay",
        "workflow-engine.google.rate-limit.requests=0 | workflow-engine.google.rate-limit.requests",
        "workflow-engine.google.rate-limit.period=0s | workflow-engine.google.rate-limit.period",
        "workflow-engine.google.rate-limit.max-wait=-1s | workflow-engine.google.rate-limit.max-wait",
        "workflow-engine.google.circuit-breaker.failure-threshold=0"
            + " | workflow-engine.google.circuit-breaker.failure-threshold",
        "workflow-engine.google.circuit-breaker.delay=0s"
            + " | workflow-engine.google.circuit-breaker.delay",
        "workflow-engine.google.push.gmail-workflows=inbox"
            + " | workflow-engine.google.push.gmail-workflows needs"
            + " workflow-engine.google.push.gmail-token",
        "workflow-engine.google.push.calendar-workflows=a,a"
            + " | workflow-engine.google.push.calendar-workflows names a workflow twice",
      })
  void aWrongValueFailsStartUpNamingTheProperty(String property, String message) {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues(property)
        .run(context -> GoogleTesting.assertFailure(context, message));
  }

  @Test
  void aShortGmailTokenFailsNamingThePropertyWithoutShowingTheToken() {
    String shortToken = "abc123-short";
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues("workflow-engine.google.push.gmail-token=" + shortToken)
        .run(
            context -> {
              GoogleTesting.assertFailure(
                  context, "workflow-engine.google.push.gmail-token must have at least 16");
              assertThat(GoogleTesting.allMessages(context.getStartupFailure()))
                  .doesNotContain(shortToken);
            });
  }

  @Test
  void aFailedBindNeverCarriesTheSecretAsTheOffendingProperty() {
    // Spring Boot's failure analysis prints the value of the property a BindException names.
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues("workflow-engine.google.state-ttl=2h")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(GoogleTesting.allMessages(context.getStartupFailure()))
                  .doesNotContain(CLIENT_SECRET);
              BindException bind = findBindException(context.getStartupFailure());
              assertThat(bind.getProperty() == null ? null : bind.getProperty().getValue())
                  .isNotEqualTo(CLIENT_SECRET);
            });
  }

  private static BindException findBindException(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException bind) {
        return bind;
      }
    }
    throw new AssertionError("no BindException in " + failure);
  }
}
