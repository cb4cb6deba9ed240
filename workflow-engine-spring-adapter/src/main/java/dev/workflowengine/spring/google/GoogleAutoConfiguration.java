package dev.workflowengine.spring.google;

import dev.workflowengine.core.credentials.CredentialVault;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.google.GoogleAuthorization;
import dev.workflowengine.google.GoogleWorkspace;
import dev.workflowengine.google.push.CalendarChannels;
import dev.workflowengine.google.push.GmailMailboxes;
import dev.workflowengine.google.push.GooglePushHandler;
import dev.workflowengine.google.push.InMemoryCalendarChannels;
import dev.workflowengine.google.push.InMemoryGmailMailboxes;
import dev.workflowengine.spring.WorkflowCatalogCustomizer;
import dev.workflowengine.spring.WorkflowEngineAutoConfiguration;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures Google Workspace for the application's users when {@code workflow-engine-google}
 * is on the class path and {@code workflow-engine.google.client-id} is set: a {@link
 * GoogleAuthorization} keeping users' tokens in the credential vault, a {@link GoogleWorkspace}
 * acting with them, the Google tools in the workflow catalog, and a {@link GooglePushHandler} with
 * in-memory channel and mailbox registries. Nothing talks to Google at start-up.
 *
 * <p>Each bean backs off when the application defines one of the same type; the tools are off with
 * {@code workflow-engine.google.register-tools=false}, or replaced by a bean named {@code
 * googleWorkflowTools}. The registries forget everything on restart: an application whose watches
 * outlive a process defines its own {@link CalendarChannels} and {@link GmailMailboxes} beans.
 */
@AutoConfiguration(after = WorkflowEngineAutoConfiguration.class)
@ConditionalOnClass({GoogleAuthorization.class, WorkflowEngine.class})
@ConditionalOnProperty(prefix = GoogleProperties.PREFIX, name = "client-id")
@EnableConfigurationProperties(GoogleProperties.class)
public class GoogleAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(GoogleAutoConfiguration.class);

  /** Created by Spring Boot's auto-configuration. */
  public GoogleAutoConfiguration() {}

  /**
   * Users' authorization: consent URLs, callbacks, stored and refreshed tokens, disconnection.
   *
   * @param properties the Google properties
   * @param vault the vault that encrypts users' tokens before the credential store sees them
   * @return the authorization
   */
  @Bean
  @ConditionalOnMissingBean
  public GoogleAuthorization googleAuthorization(
      GoogleProperties properties, CredentialVault vault) {
    GoogleAuthorization authorization = GoogleSetup.authorization(properties, vault);
    log.info("Google authorization configured: {}", authorization);
    return authorization;
  }

  /**
   * Calendar, Drive and Gmail for each user, with retries, rate limits and circuit breakers.
   *
   * @param properties the Google properties
   * @param authorization where each user's credentials come from
   * @return the workspace
   */
  @Bean
  @ConditionalOnMissingBean
  public GoogleWorkspace googleWorkspace(
      GoogleProperties properties, GoogleAuthorization authorization) {
    return GoogleSetup.workspace(properties, authorization);
  }

  /**
   * Adds the eight Google tools to the workflow catalog, acting for each run's user.
   *
   * @param workspace the workspace the tools call Google through
   * @param properties the zone of the Calendar tools
   * @return the catalog customizer
   */
  @Bean
  @ConditionalOnMissingBean(name = "googleWorkflowTools")
  @ConditionalOnBooleanProperty(
      name = GoogleProperties.PREFIX + ".register-tools",
      matchIfMissing = true)
  public WorkflowCatalogCustomizer googleWorkflowTools(
      GoogleWorkspace workspace, GoogleProperties properties) {
    Clock clock =
        properties.timeZone() == null
            ? Clock.systemDefaultZone()
            : Clock.system(properties.timeZone());
    return new GoogleCatalogTools(workspace, clock);
  }

  /**
   * The Calendar channels the push handler accepts notifications of, kept in memory.
   *
   * @return an empty registry, filled when the application creates watches
   */
  @Bean
  @ConditionalOnMissingBean
  public CalendarChannels googleCalendarChannels() {
    return new InMemoryCalendarChannels();
  }

  /**
   * The Gmail addresses the push handler maps to users, kept in memory.
   *
   * @return an empty registry, filled when the application watches mailboxes
   */
  @Bean
  @ConditionalOnMissingBean
  public GmailMailboxes googleGmailMailboxes() {
    return new InMemoryGmailMailboxes();
  }

  /**
   * Verifies Calendar and Gmail push notifications and starts the configured workflows for the user
   * each concerns. Gmail notifications are refused unless {@code push.gmail-token} is set.
   *
   * @param properties the push properties
   * @param channels the Calendar channels
   * @param mailboxes the Gmail mailboxes
   * @param engine the engine that starts the configured workflows
   * @return the handler
   */
  @Bean
  @ConditionalOnMissingBean
  public GooglePushHandler googlePushHandler(
      GoogleProperties properties,
      CalendarChannels channels,
      GmailMailboxes mailboxes,
      ObjectProvider<WorkflowEngine> engine) {
    return GoogleSetup.pushHandler(properties.push(), channels, mailboxes, engine::getObject);
  }
}
