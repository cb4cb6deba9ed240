package dev.workflowengine.spring.google;

import static dev.workflowengine.spring.google.GoogleTesting.CLIENT;
import static dev.workflowengine.spring.google.GoogleTesting.CLIENT_ID;
import static dev.workflowengine.spring.google.GoogleTesting.CLIENT_SECRET;
import static dev.workflowengine.spring.google.GoogleTesting.REDIRECT_URI;
import static dev.workflowengine.spring.google.GoogleTesting.TOOL_NAMES;
import static dev.workflowengine.spring.google.GoogleTesting.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.credentials.CredentialVault;
import dev.workflowengine.core.memory.InMemoryCredentialStore;
import dev.workflowengine.google.GoogleAuthorization;
import dev.workflowengine.google.GoogleWorkspace;
import dev.workflowengine.google.push.CalendarChannels;
import dev.workflowengine.google.push.GmailMailboxes;
import dev.workflowengine.google.push.GooglePushHandler;
import dev.workflowengine.google.push.InMemoryCalendarChannels;
import dev.workflowengine.google.push.InMemoryGmailMailboxes;
import dev.workflowengine.spring.WorkflowCatalogCustomizer;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** Which Google beans there are, when, and which of them back off for the application's. */
class GoogleAutoConfigurationTests {

  @Test
  void withoutAClientIdThereIsNoGoogleBean() {
    GoogleTesting.runner()
        .withPropertyValues("workflow-engine.google.client-secret=" + CLIENT_SECRET)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertNoGoogleBeans(context);
              assertThat(context.getBean(Catalog.class).toolNames()).isEmpty();
            });
  }

  @Test
  void withoutTheGoogleModuleThereIsNoGoogleBeanEvenWithAClientId() {
    GoogleTesting.runner()
        .withClassLoader(new FilteredClassLoader("dev.workflowengine.google"))
        .withPropertyValues(CLIENT)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertNoGoogleBeans(context);
            });
  }

  @Test
  void aClientIdWithoutASecretFailsStartUpNamingTheProperty() {
    GoogleTesting.runner()
        .withPropertyValues(
            "workflow-engine.google.client-id=" + CLIENT_ID,
            "workflow-engine.google.redirect-uri=" + REDIRECT_URI)
        .run(
            context ->
                GoogleTesting.assertFailure(
                    context, "workflow-engine.google.client-secret must be set"));
  }

  @Test
  void aClientIdWithoutARedirectUriFailsStartUpNamingThePropertyButNotTheSecret() {
    GoogleTesting.runner()
        .withPropertyValues(
            "workflow-engine.google.client-id=" + CLIENT_ID,
            "workflow-engine.google.client-secret=" + CLIENT_SECRET)
        .run(
            context -> {
              GoogleTesting.assertFailure(
                  context, "workflow-engine.google.redirect-uri must be set");
              assertThat(GoogleTesting.allMessages(context.getStartupFailure()))
                  .doesNotContain(CLIENT_SECRET);
            });
  }

  @Test
  void withAClientEveryGoogleBeanIsThereAndTheCatalogHasTheEightTools() {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(GoogleProperties.class);
              assertThat(context).hasSingleBean(GoogleAuthorization.class);
              assertThat(context).hasSingleBean(GoogleWorkspace.class);
              assertThat(context).hasSingleBean(GooglePushHandler.class);
              assertThat(context.getBean(CalendarChannels.class))
                  .isInstanceOf(InMemoryCalendarChannels.class);
              assertThat(context.getBean(GmailMailboxes.class))
                  .isInstanceOf(InMemoryGmailMailboxes.class);
              assertThat(context.getBean(Catalog.class).toolNames())
                  .containsExactlyInAnyOrder(TOOL_NAMES);
            });
  }

  @Test
  void registerToolsFalseLeavesTheCatalogWithoutThem() {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues("workflow-engine.google.register-tools=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(GoogleWorkspace.class);
              assertThat(context.getBean(Catalog.class).toolNames()).isEmpty();
            });
  }

  @Test
  void theConsentUrlAsksGoogleForTheConfiguredClientRedirectAndDefaultScopes() {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .run(
            context -> {
              URI url = context.getBean(GoogleAuthorization.class).authorizationUrl("u1");

              assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
                  .isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
              assertThat(query(url))
                  .containsEntry("client_id", CLIENT_ID)
                  .containsEntry("redirect_uri", REDIRECT_URI)
                  .containsEntry(
                      "scope",
                      "https://www.googleapis.com/auth/calendar.events"
                          + " https://www.googleapis.com/auth/drive.file"
                          + " https://www.googleapis.com/auth/gmail.readonly"
                          + " https://www.googleapis.com/auth/gmail.send")
                  .containsEntry("access_type", "offline")
                  .containsEntry("code_challenge_method", "S256")
                  .containsKey("state");
              assertThat(url.toString()).doesNotContain(CLIENT_SECRET);
            });
  }

  @Test
  void theConsentUrlUsesTheConfiguredScopesAndAuthorizationEndpoint() {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues(
            "workflow-engine.google.auth-uri=https://sso.example.test/google/auth",
            "workflow-engine.google.scopes=https://www.googleapis.com/auth/calendar.readonly,"
                + "https://www.googleapis.com/auth/gmail.send")
        .run(
            context -> {
              URI url = context.getBean(GoogleAuthorization.class).authorizationUrl("u1");

              assertThat(url.toString()).startsWith("https://sso.example.test/google/auth?");
              assertThat(query(url))
                  .containsEntry(
                      "scope",
                      "https://www.googleapis.com/auth/calendar.readonly"
                          + " https://www.googleapis.com/auth/gmail.send");
            });
  }

  @Test
  void theApplicationsOwnWorkspaceWinsAndTheToolsAreStillAdded() {
    GoogleWorkspace own =
        GoogleWorkspace.builder()
            .credentials(user -> GoogleCredentials.create(new AccessToken("t-" + user, new Date())))
            .build();
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withBean(GoogleWorkspace.class, () -> own)
        .run(
            context -> {
              assertThat(context.getBean(GoogleWorkspace.class)).isSameAs(own);
              assertThat(context.getBean(Catalog.class).toolNames())
                  .containsExactlyInAnyOrder(TOOL_NAMES);
            });
  }

  @Test
  void theApplicationsOwnAuthorizationAndRegistriesWin() {
    InMemoryCalendarChannels channels = new InMemoryCalendarChannels();
    InMemoryGmailMailboxes mailboxes = new InMemoryGmailMailboxes();
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withBean(GoogleAuthorization.class, GoogleAutoConfigurationTests::ownAuthorization)
        .withBean(CalendarChannels.class, () -> channels)
        .withBean(GmailMailboxes.class, () -> mailboxes)
        .run(
            context -> {
              assertThat(context).hasSingleBean(GoogleAuthorization.class);
              assertThat(context.getBean(GoogleAuthorization.class).toString())
                  .contains("own-client");
              assertThat(context.getBean(CalendarChannels.class)).isSameAs(channels);
              assertThat(context.getBean(GmailMailboxes.class)).isSameAs(mailboxes);
            });
  }

  @Test
  void aCatalogCustomizerOfTheApplicationCanReplaceAGoogleTool() {
    AgentTool own =
        AgentTool.of(
            ToolSpecification.builder().name(TOOL_NAMES[0]).description("own").build(),
            arguments -> "own");
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withBean(WorkflowCatalogCustomizer.class, () -> catalog -> catalog.tool(own))
        .run(
            context -> {
              Catalog catalog = context.getBean(Catalog.class);
              assertThat(catalog.tool(TOOL_NAMES[0])).containsSame(own);
              assertThat(catalog.toolNames()).hasSize(8);
            });
  }

  @Test
  void neitherThePropertiesNorTheAuthorizationShowTheSecrets() {
    GoogleTesting.runner()
        .withPropertyValues(CLIENT)
        .withPropertyValues("workflow-engine.google.push.gmail-token=" + GoogleTesting.GMAIL_TOKEN)
        .run(
            context -> {
              String properties = context.getBean(GoogleProperties.class).toString();
              assertThat(properties)
                  .contains(CLIENT_ID)
                  .doesNotContain(CLIENT_SECRET)
                  .doesNotContain(GoogleTesting.GMAIL_TOKEN);
              assertThat(context.getBean(GoogleAuthorization.class).toString())
                  .doesNotContain(CLIENT_SECRET);
            });
  }

  private static GoogleAuthorization ownAuthorization() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return GoogleAuthorization.builder()
        .clientId("own-client")
        .clientSecret("own-secret")
        .redirectUri(URI.create("https://own.example.com/callback"))
        .scopes("https://www.googleapis.com/auth/drive.file")
        .vault(
            CredentialVault.builder().store(new InMemoryCredentialStore()).key("k1", key).build())
        .build();
  }

  private static void assertNoGoogleBeans(AssertableApplicationContext context) {
    assertThat(context).doesNotHaveBean(GoogleProperties.class);
    assertThat(context).doesNotHaveBean("googleAuthorization");
    assertThat(context).doesNotHaveBean("googleWorkspace");
    assertThat(context).doesNotHaveBean("googleWorkflowTools");
    assertThat(context).doesNotHaveBean("googleCalendarChannels");
    assertThat(context).doesNotHaveBean("googleGmailMailboxes");
    assertThat(context).doesNotHaveBean("googlePushHandler");
  }
}
