package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.spring.OllamaAutoConfiguration;
import dev.workflowengine.spring.WorkflowEngineAutoConfiguration;
import dev.workflowengine.spring.google.GoogleAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * When the Google endpoints are configured: only with both the web layer and Google, in whichever
 * order the auto-configurations are listed, and never failing an application without the Google
 * module.
 */
class GoogleWebAutoConfigurationTests {

  // Sorted as Boot sorts: by name, then by the annotations. By name the Google endpoints would come
  // before WebAutoConfiguration and find no web layer, so this pins their "after". (By name they
  // already follow GoogleAutoConfiguration; that "after" is declared for safety only.)
  private final WebApplicationContextRunner withoutGoogle =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  GoogleWebAutoConfiguration.class,
                  GoogleAutoConfiguration.class,
                  WebAutoConfiguration.class,
                  WorkflowEngineAutoConfiguration.class,
                  OllamaAutoConfiguration.class))
          .withPropertyValues("workflow-engine.ollama.enabled=false");

  private final WebApplicationContextRunner web =
      withoutGoogle.withPropertyValues(
          GoogleWebTesting.CLIENT_ID_PROPERTY,
          GoogleWebTesting.CLIENT_SECRET_PROPERTY,
          GoogleWebTesting.REDIRECT_URI_PROPERTY);

  @Test
  void withTheWebLayerAndGoogleEveryEndpointIsThere() {
    web.withPropertyValues("workflow-engine.web.enabled=true")
        .run(
            context -> {
              assertThat(context).hasSingleBean(GoogleAuthorizationController.class);
              assertThat(context).hasSingleBean(GoogleCallbackController.class);
              assertThat(context).hasSingleBean(GooglePushController.class);
              assertThat(context).hasSingleBean(GoogleWebProperties.class);
            });
  }

  @Test
  void notWithoutTheWebLayer() {
    web.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(GoogleAuthorizationController.class);
          assertThat(context).doesNotHaveBean(GooglePushController.class);
          assertThat(context).doesNotHaveBean(GoogleWebProperties.class);
        });
  }

  @Test
  void notWithoutGoogle() {
    withoutGoogle
        .withPropertyValues("workflow-engine.web.enabled=true")
        .run(
            context -> {
              assertThat(context).hasSingleBean(ExecutionsController.class);
              assertThat(context).doesNotHaveBean(GoogleCallbackController.class);
            });
  }

  @Test
  void anApplicationWithoutTheGoogleModuleStartsWithTheWebLayer() {
    web.withClassLoader(new FilteredClassLoader("dev.workflowengine.google."))
        .withPropertyValues("workflow-engine.web.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(ExecutionsController.class);
              assertThat(context).doesNotHaveBean(GoogleWebProperties.class);
            });
  }

  @Test
  void wrongValuesFailStartUpNamingTheProperty() {
    WebApplicationContextRunner enabled =
        web.withPropertyValues("workflow-engine.web.enabled=true");
    enabled
        .withPropertyValues("workflow-engine.google.web.success-redirect=//elsewhere.example/x")
        .run(context -> assertFailure(context, "workflow-engine.google.web.success-redirect"));
    enabled
        .withPropertyValues("workflow-engine.google.web.success-redirect=ftp://example.com/x")
        .run(context -> assertFailure(context, "workflow-engine.google.web.success-redirect"));
    enabled
        .withPropertyValues("workflow-engine.google.web.webhook-rate-limit.requests=0")
        .run(
            context ->
                assertFailure(context, "workflow-engine.google.web.webhook-rate-limit.requests"));
    enabled
        .withPropertyValues("workflow-engine.google.web.success-redirect=/settings?google=ok")
        .run(
            context ->
                assertThat(context.getBean(GoogleWebProperties.class).successRedirect())
                    .hasToString("/settings?google=ok"));
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
