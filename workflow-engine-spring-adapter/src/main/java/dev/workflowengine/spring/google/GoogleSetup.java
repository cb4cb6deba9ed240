package dev.workflowengine.spring.google;

import dev.workflowengine.core.credentials.CredentialVault;
import dev.workflowengine.core.engine.WorkflowEngine;
import dev.workflowengine.google.GoogleAuthorization;
import dev.workflowengine.google.GoogleWorkspace;
import dev.workflowengine.google.GoogleWorkspaceBuilder;
import dev.workflowengine.google.push.CalendarChannels;
import dev.workflowengine.google.push.GmailMailboxes;
import dev.workflowengine.google.push.GooglePushHandler;
import dev.workflowengine.google.push.GooglePushHandlerBuilder;
import java.util.function.Supplier;

/**
 * Turns {@link GoogleProperties} into the Google module's builders. The properties were checked
 * when they were bound, with the builders' own bounds, so the builders accept every value here.
 */
final class GoogleSetup {

  private GoogleSetup() {}

  static GoogleAuthorization authorization(GoogleProperties properties, CredentialVault vault) {
    return GoogleAuthorization.builder()
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .redirectUri(properties.redirectUri())
        .scopes(properties.scopes())
        .vault(vault)
        .credentialName(properties.credentialName())
        .authUri(properties.authUri())
        .tokenUri(properties.tokenUri())
        .revokeUri(properties.revokeUri())
        .stateTtl(properties.stateTtl())
        .build();
  }

  static GoogleWorkspace workspace(GoogleProperties properties, GoogleAuthorization credentials) {
    GoogleWorkspaceBuilder builder =
        GoogleWorkspace.builder()
            .credentials(credentials)
            .applicationName(properties.applicationName())
            .connectTimeout(properties.connectTimeout())
            .readTimeout(properties.readTimeout())
            .maxRetries(properties.maxRetries())
            .retryDelay(properties.retryBaseDelay(), properties.retryMaxDelay())
            .rateLimit(properties.rateLimit().requests(), properties.rateLimit().period())
            .rateLimitWait(properties.rateLimit().maxWait())
            .circuitBreaker(
                properties.circuitBreaker().failureThreshold(),
                properties.circuitBreaker().delay());
    if (properties.rootUrl() != null) {
      builder.rootUrl(properties.rootUrl());
    }
    return builder.build();
  }

  /**
   * The push handler. Gmail pushes are handled only with a token: without one anyone who knows the
   * endpoint could start workflows for the registered mailboxes. The engine is looked up only when
   * workflows are to be started.
   */
  static GooglePushHandler pushHandler(
      GoogleProperties.Push push,
      CalendarChannels channels,
      GmailMailboxes mailboxes,
      Supplier<WorkflowEngine> engine) {
    GooglePushHandlerBuilder builder = GooglePushHandler.builder().calendarChannels(channels);
    push.calendarWorkflows().forEach(id -> builder.startOnCalendarChange(engine.get(), id));
    if (push.acceptsGmail()) {
      builder.gmailMailboxes(mailboxes).gmailToken(push.gmailToken());
      push.gmailWorkflows().forEach(id -> builder.startOnGmailChange(engine.get(), id));
    }
    return builder.build();
  }
}
