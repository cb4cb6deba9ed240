/**
 * The credential vault: AES-256-GCM encryption of users' secrets before they reach a {@link
 * dev.workflowengine.api.spi.CredentialStore}, with key rotation. Start at {@link
 * dev.workflowengine.core.credentials.CredentialVault#builder()}.
 */
package dev.workflowengine.core.credentials;
