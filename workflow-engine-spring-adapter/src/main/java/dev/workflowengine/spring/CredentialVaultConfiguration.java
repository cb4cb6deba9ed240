package dev.workflowengine.spring;

import dev.workflowengine.api.spi.CredentialStore;
import dev.workflowengine.core.credentials.CredentialVault;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credential vault over the credential store bean, with the keys of {@link
 * CredentialsProperties}. An application with a vault bean of its own gets no keys resolved here,
 * and its engine no vault of its own: inject the application's vault instead of calling {@code
 * engine.credentials()}.
 */
@Configuration(proxyBeanMethods = false)
class CredentialVaultConfiguration {

  @Bean(destroyMethod = "destroy")
  @ConditionalOnMissingBean(CredentialVault.class)
  CredentialKeys workflowCredentialKeys(
      CredentialsProperties properties, CredentialStore credentialStore) {
    return CredentialKeys.resolve(properties, credentialStore);
  }

  @Bean
  @ConditionalOnMissingBean
  CredentialVault workflowCredentialVault(CredentialKeys keys, CredentialStore credentialStore) {
    return keys.vault(credentialStore);
  }
}
