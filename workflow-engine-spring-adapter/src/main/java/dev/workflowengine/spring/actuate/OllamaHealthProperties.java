package dev.workflowengine.spring.actuate;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the Ollama health indicator requires of the server besides answering: the models of some
 * model profiles.
 *
 * <pre>
 * workflow-engine.ollama.health.required-profiles=default,embedding
 * </pre>
 *
 * <p>With the pull strategy {@code never} (the default) a required model the server lacks makes
 * Ollama down, since every call with it fails until someone pulls it. With {@code when-missing} or
 * {@code always} it is pulled at first use, so Ollama stays up and the details list it as missing:
 * a readiness probe that kept traffic away until the model was there would wait for ever.
 *
 * @param requiredProfiles The model profiles whose models the server must have. Unset: the chat
 *     profile (workflow-engine.ollama.chat-profile), the model behind the ChatModel bean.
 */
@ConfigurationProperties(OllamaHealthProperties.PREFIX)
public record OllamaHealthProperties(List<String> requiredProfiles) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.ollama.health";

  /** Copies the list; an unset list is empty. */
  public OllamaHealthProperties {
    requiredProfiles = requiredProfiles == null ? List.of() : List.copyOf(requiredProfiles);
  }
}
