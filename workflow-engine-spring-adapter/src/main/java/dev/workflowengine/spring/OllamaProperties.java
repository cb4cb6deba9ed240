package dev.workflowengine.spring;

import dev.workflowengine.ollama.PullStrategy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The Ollama client and its models, used when {@code workflow-engine-ollama} is on the class path.
 *
 * <pre>
 * workflow-engine.ollama.base-url=http://ollama:11434
 * workflow-engine.ollama.pull-strategy=when-missing
 * workflow-engine.ollama.profiles.default.model=qwen2.5:7b
 * workflow-engine.ollama.profiles.default.temperature=0.2
 * </pre>
 *
 * <p>Profiles start from the built-in ones ({@code default}, {@code code}, {@code creative}, {@code
 * embedding}), then the {@code profiles-file}, then {@code profiles.*}, each replacing the settings
 * it names. {@link #toString()} never shows the bearer token.
 *
 * @param enabled Whether to configure the Ollama client and models at all.
 * @param baseUrl Where Ollama listens; a path is kept, for Ollama behind a proxy at a sub-path.
 * @param connectTimeout The longest wait to open a connection.
 * @param firstChunkTimeout The longest wait from sending a chat, generate or embed request to the
 *     first chunk of its answer, loading the model included.
 * @param idleTimeout The longest silence between two chunks once a stream has begun.
 * @param progressIdleTimeout The longest silence between two progress lines of a pull, push or
 *     create, while Ollama may be verifying or quantizing.
 * @param totalTimeout The longest a whole chat, generate or embed call may take; unset for no
 *     limit, since a long answer that keeps streaming is no failure.
 * @param requestTimeout The longest a management call (list, show, ps, version, ...) may take.
 * @param maxRetries How many times a 429, 502 or 503 answer is retried, from 0 to 20.
 * @param retryBaseDelay The first delay between retries, growing exponentially with jitter.
 * @param retryMaxDelay The longest delay between retries; a longer Retry-After ends the retries.
 * @param bearerToken A token sent as 'Authorization: Bearer', for Ollama behind an authenticating
 *     proxy or the hosted API.
 * @param profiles Model profiles by name, each replacing the settings it names of the built-in or
 *     profiles-file profile of the same name.
 * @param profilesFile A models.json profiles file, such as 'file:config/ollama/models.json' or
 *     'classpath:models.json'.
 * @param pullStrategy When a profile's model is pulled before its first use: never, when-missing or
 *     always. Unset leaves the profiles file's choice, else never.
 * @param chatProfile The profile behind the ChatModel and StreamingChatModel beans.
 * @param embeddingProfile The profile behind the EmbeddingModel bean; it is not offered to
 *     workflows as a chat model.
 */
@ConfigurationProperties(OllamaProperties.PREFIX)
public record OllamaProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("http://localhost:11434") String baseUrl,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("300s") Duration firstChunkTimeout,
    @DefaultValue("120s") Duration idleTimeout,
    @DefaultValue("10m") Duration progressIdleTimeout,
    Duration totalTimeout,
    @DefaultValue("30s") Duration requestTimeout,
    @DefaultValue("3") int maxRetries,
    @DefaultValue("500ms") Duration retryBaseDelay,
    @DefaultValue("30s") Duration retryMaxDelay,
    String bearerToken,
    Resource profilesFile,
    PullStrategy pullStrategy,
    @DefaultValue("default") String chatProfile,
    @DefaultValue("embedding") String embeddingProfile,
    Map<String, Profile> profiles) {

  /** The prefix of these properties. */
  public static final String PREFIX = "workflow-engine.ollama";

  /** Checks every value, naming the property that is wrong. */
  public OllamaProperties {
    checkUrl(baseUrl);
    PropertyChecks.positive(connectTimeout, PREFIX + ".connect-timeout");
    PropertyChecks.positive(firstChunkTimeout, PREFIX + ".first-chunk-timeout");
    PropertyChecks.positive(idleTimeout, PREFIX + ".idle-timeout");
    PropertyChecks.positive(progressIdleTimeout, PREFIX + ".progress-idle-timeout");
    if (totalTimeout != null) {
      PropertyChecks.positive(totalTimeout, PREFIX + ".total-timeout");
    }
    PropertyChecks.positive(requestTimeout, PREFIX + ".request-timeout");
    PropertyChecks.between(maxRetries, 0, 20, PREFIX + ".max-retries");
    PropertyChecks.positive(retryBaseDelay, PREFIX + ".retry-base-delay");
    PropertyChecks.positive(retryMaxDelay, PREFIX + ".retry-max-delay");
    if (retryMaxDelay.compareTo(retryBaseDelay) < 0) {
      throw new IllegalArgumentException(
          PREFIX
              + ".retry-max-delay ("
              + retryMaxDelay
              + ") is shorter than "
              + PREFIX
              + ".retry-base-delay ("
              + retryBaseDelay
              + ")");
    }
    if (bearerToken != null) {
      PropertyChecks.text(bearerToken, PREFIX + ".bearer-token");
    }
    PropertyChecks.text(chatProfile, PREFIX + ".chat-profile");
    PropertyChecks.text(embeddingProfile, PREFIX + ".embedding-profile");
    profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
  }

  private static void checkUrl(String url) {
    String property = PREFIX + ".base-url";
    PropertyChecks.text(url, property);
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            property
                + " must be an http or https URL such as http://localhost:11434 but was '"
                + url
                + "'");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          property + " is not a valid URL ('" + url + "'): " + e.getReason(), e);
    }
  }

  @Override
  public String toString() {
    return "OllamaProperties[baseUrl="
        + baseUrl
        + ", bearerToken="
        + (bearerToken == null ? "unset" : "******")
        + ", profilesFile="
        + profilesFile
        + ", pullStrategy="
        + pullStrategy
        + ", chatProfile="
        + chatProfile
        + ", embeddingProfile="
        + embeddingProfile
        + ", profiles="
        + profiles.keySet()
        + "]";
  }

  /**
   * Settings of one model profile; each one set replaces that setting of the profile.
   *
   * @param model The Ollama model, such as 'llama3.2:3b'; required for a profile that is neither
   *     built in nor in the profiles file.
   * @param temperature The sampling temperature, at least 0.
   * @param topP The nucleus sampling threshold, from 0 to 1.
   * @param repeatPenalty The penalty for repeated tokens; 1 is neutral.
   * @param contextSize The context window in tokens (num_ctx).
   * @param keepAlive How long Ollama keeps the model loaded after a request: seconds or a duration
   *     such as '5m', '-1' for ever. Unset leaves the server's default.
   */
  public record Profile(
      String model,
      Double temperature,
      Double topP,
      Double repeatPenalty,
      Integer contextSize,
      String keepAlive) {}
}
