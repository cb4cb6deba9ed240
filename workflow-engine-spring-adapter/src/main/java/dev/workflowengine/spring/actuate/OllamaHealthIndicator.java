package dev.workflowengine.spring.actuate;

import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.OllamaHealth;
import dev.workflowengine.ollama.PullStrategy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Ollama is up when it answers {@code /api/version} and {@code /api/tags} and has the required
 * models, or will pull them at first use. A missing model with the pull strategy {@code never} is
 * down rather than out of service: out of service says someone took a component away on purpose,
 * while here every call with that model fails until an operator pulls it, which is what down tells
 * monitoring to alert on (both answer 503 by default).
 */
final class OllamaHealthIndicator extends AbstractHealthIndicator {

  private final OllamaClient client;
  private final Map<String, String> requiredModels;
  private final PullStrategy pullStrategy;

  /**
   * @param client the client, whose request timeout bounds each of the two calls
   * @param requiredModels the models the server must have, by profile name
   * @param pullStrategy the client's pull strategy
   */
  OllamaHealthIndicator(
      OllamaClient client, Map<String, String> requiredModels, PullStrategy pullStrategy) {
    super("Ollama health check failed");
    this.client = client;
    this.requiredModels = new TreeMap<>(requiredModels);
    this.pullStrategy = pullStrategy;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    OllamaHealth health = client.health();
    builder.withDetail("baseUrl", withoutUserInfo(client.baseUrl()));
    health.version().ifPresent(version -> builder.withDetail("version", version));
    if (!health.healthy()) {
      builder.down().withDetail("error", health.problem().orElse("Ollama did not answer"));
      return;
    }
    List<String> missing = missing(health.models());
    builder
        .withDetail("models", health.models())
        .withDetail("requiredModels", requiredModels)
        // As the property writes it, which the error below tells the operator to set.
        .withDetail("pullStrategy", pullStrategy.jsonName().replace('_', '-'));
    if (missing.isEmpty()) {
      builder.up();
      return;
    }
    builder.withDetail("missingModels", missing);
    if (pullStrategy == PullStrategy.NEVER) {
      builder
          .down()
          .withDetail(
              "error",
              "Ollama lacks "
                  + missing
                  + "; run 'ollama pull <model>' for each, or set"
                  + " workflow-engine.ollama.pull-strategy=when-missing");
    } else {
      builder.up();
    }
  }

  private List<String> missing(List<String> localModels) {
    Set<String> local =
        localModels.stream().map(OllamaHealthIndicator::canonical).collect(Collectors.toSet());
    return requiredModels.values().stream()
        .filter(model -> !local.contains(canonical(model)))
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * How Ollama names a model in {@code /api/tags}: a name without a tag is {@code :latest}, so a
   * profile's {@code nomic-embed-text} is the server's {@code nomic-embed-text:latest}.
   */
  static String canonical(String model) {
    String name = model.strip().toLowerCase(Locale.ROOT);
    int slash = name.lastIndexOf('/');
    return name.indexOf(':', slash + 1) < 0 ? name + ":latest" : name;
  }

  // A base URL may carry proxy credentials; health details are shown to whoever may see them.
  private static String withoutUserInfo(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getUserInfo() == null) {
        return url;
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return "(unparseable)";
    }
  }
}
