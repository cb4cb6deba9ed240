package dev.workflowengine.spring.actuate;

import dev.workflowengine.ollama.ModelProfiles;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.PullStrategy;
import dev.workflowengine.spring.OllamaAutoConfiguration;
import dev.workflowengine.spring.OllamaProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code ollama} health indicator when Spring Boot's health module and {@code
 * workflow-engine-ollama} are on the class path and there is an {@link OllamaClient}: whether
 * Ollama answers, its version, its local models, and whether it has the models of the required
 * profiles ({@link OllamaHealthProperties}).
 *
 * <pre>
 * {"status":"UP","details":{"baseUrl":"http://localhost:11434/","version":"0.12.6",
 *  "models":["llama3.2:3b","nomic-embed-text:latest"],"requiredModels":{"default":"llama3.2:3b"},
 *  "pullStrategy":"never"}}
 * </pre>
 *
 * <p>Each check calls Ollama twice, bounded by {@code workflow-engine.ollama.request-timeout}.
 * {@code management.health.ollama.enabled=false} turns it off; a bean named {@code
 * ollamaHealthIndicator} replaces it.
 */
@AutoConfiguration(after = OllamaAutoConfiguration.class)
@ConditionalOnClass({
  OllamaClient.class,
  HealthIndicator.class,
  ConditionalOnEnabledHealthIndicator.class
})
@ConditionalOnSingleCandidate(OllamaClient.class)
@EnableConfigurationProperties(OllamaHealthProperties.class)
public class OllamaHealthAutoConfiguration {

  /** Created by Spring Boot's auto-configuration. */
  public OllamaHealthAutoConfiguration() {}

  /**
   * Ollama's health.
   *
   * @param client the client
   * @param health which profiles' models are required
   * @param ollama the chat profile and pull strategy, when the Ollama auto-configuration is active
   * @return the indicator
   * @throws IllegalStateException naming the property, if a required profile does not exist
   */
  @Bean
  // On the method rather than the class: Spring creates every condition of a class before it
  // evaluates one, and this condition's class is missing without the health module.
  @ConditionalOnEnabledHealthIndicator("ollama")
  @ConditionalOnMissingBean(name = "ollamaHealthIndicator")
  public HealthIndicator ollamaHealthIndicator(
      OllamaClient client, OllamaHealthProperties health, ObjectProvider<OllamaProperties> ollama) {
    OllamaProperties properties = ollama.getIfAvailable();
    ModelProfiles profiles = client.models().profiles();
    List<String> required = health.requiredProfiles();
    if (required.isEmpty()) {
      required = List.of(properties == null ? "default" : properties.chatProfile());
    }
    // The same precedence as the client's own: the property, the profiles file, else never. An
    // application that builds its client with another strategy should set the property to match.
    PullStrategy pullStrategy =
        Optional.ofNullable(properties == null ? null : properties.pullStrategy())
            .or(profiles::pullStrategy)
            .orElse(PullStrategy.NEVER);
    return new OllamaHealthIndicator(client, models(profiles, required), pullStrategy);
  }

  private static Map<String, String> models(ModelProfiles profiles, List<String> names) {
    Map<String, String> models = new LinkedHashMap<>();
    for (String name : names) {
      String model =
          profiles
              .find(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          OllamaHealthProperties.PREFIX
                              + ".required-profiles names '"
                              + name
                              + "', which is no model profile; known: "
                              + profiles.names()))
              .model();
      models.put(name, model);
    }
    return models;
  }
}
