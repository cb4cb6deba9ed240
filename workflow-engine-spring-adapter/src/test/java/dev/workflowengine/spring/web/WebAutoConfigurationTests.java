package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.spring.OllamaAutoConfiguration;
import dev.workflowengine.spring.WorkflowEngineAutoConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** When the web layer is configured, what backs off, and its properties' checks. */
@ExtendWith(OutputCaptureExtension.class)
class WebAutoConfigurationTests {

  private static final AutoConfigurations CONFIGURATIONS =
      AutoConfigurations.of(
          OllamaAutoConfiguration.class,
          WorkflowEngineAutoConfiguration.class,
          WebAutoConfiguration.class);

  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(CONFIGURATIONS)
          .withPropertyValues("workflow-engine.ollama.enabled=false");

  @Test
  void offUnlessEnabled() {
    web.run(
        context -> {
          assertThat(context).doesNotHaveBean(WebProperties.class);
          assertThat(context).doesNotHaveBean(UserResolver.class);
          assertThat(context).doesNotHaveBean(ExecutionsController.class);
        });
  }

  @Test
  void enabledInAServletApplication() {
    web.withPropertyValues("workflow-engine.web.enabled=true")
        .run(
            context -> {
              assertThat(context).hasSingleBean(UserResolver.class);
              assertThat(context).hasSingleBean(DefinitionsController.class);
              assertThat(context).hasSingleBean(ExecutionsController.class);
              assertThat(context).hasSingleBean(GenerationController.class);
              assertThat(context).hasSingleBean(EventsController.class);
              assertThat(context).hasSingleBean(WebErrors.class);
            });
  }

  @Test
  void notInANonWebApplication() {
    new ApplicationContextRunner()
        .withConfiguration(CONFIGURATIONS)
        .withPropertyValues("workflow-engine.web.enabled=true")
        .run(context -> assertThat(context).doesNotHaveBean(ExecutionsController.class));
  }

  @Test
  void theApplicationsUserResolverWins() {
    UserResolver own = request -> Optional.of("fixed");
    web.withPropertyValues("workflow-engine.web.enabled=true")
        .withBean(UserResolver.class, () -> own)
        .run(context -> assertThat(context.getBean(UserResolver.class)).isSameAs(own));
  }

  @Test
  void theDevelopmentHeaderIsAnnouncedWithAWarning(CapturedOutput output) {
    web.withPropertyValues(
            "workflow-engine.web.enabled=true", "workflow-engine.web.dev-user-header=X-User")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(output).contains("workflow-engine.web.dev-user-header is set", "'X-User'");
  }

  @Test
  void theDevelopmentParameterIsAnnouncedWithAWarning(CapturedOutput output) {
    web.withPropertyValues(
            "workflow-engine.web.enabled=true", "workflow-engine.web.dev-user-parameter=user")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(output).contains("workflow-engine.web.dev-user-parameter is set", "'user'");
  }

  @Test
  void wrongValuesFailStartUpNamingTheProperty() {
    web.withPropertyValues("workflow-engine.web.enabled=true", "workflow-engine.web.base-path=api/")
        .run(context -> assertFailure(context, "workflow-engine.web.base-path"));
    web.withPropertyValues(
            "workflow-engine.web.enabled=true", "workflow-engine.web.rate-limit.requests=0")
        .run(context -> assertFailure(context, "workflow-engine.web.rate-limit.requests"));
    web.withPropertyValues(
            "workflow-engine.web.enabled=true", "workflow-engine.web.heartbeat-interval=0s")
        .run(context -> assertFailure(context, "workflow-engine.web.heartbeat-interval"));
    web.withPropertyValues(
            "workflow-engine.web.enabled=true", "workflow-engine.web.dev-user-parameter= ")
        .run(context -> assertFailure(context, "workflow-engine.web.dev-user-parameter"));
  }

  private static void assertFailure(AssertableWebApplicationContext context, String message) {
    assertThat(context).hasFailed();
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    assertThat(messages.toString()).contains(message);
  }
}
