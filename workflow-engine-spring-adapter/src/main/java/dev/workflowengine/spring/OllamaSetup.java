package dev.workflowengine.spring;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.workflowengine.ollama.KeepAlive;
import dev.workflowengine.ollama.ModelProfile;
import dev.workflowengine.ollama.ModelProfiles;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.OllamaClientBuilder;
import dev.workflowengine.ollama.PullListener;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;

/**
 * Turns {@link OllamaProperties} into the client's builder and profiles, translating the SDK's
 * argument errors into messages that name the property, since the operator fixes a property and not
 * a builder call.
 */
final class OllamaSetup {

  private OllamaSetup() {}

  static ModelProfiles profiles(OllamaProperties properties) {
    ModelProfiles.Builder builder = ModelProfiles.defaults().toBuilder();
    Resource file = properties.profilesFile();
    if (file != null) {
      load(builder, file);
    }
    ModelProfiles base = builder.build();
    properties
        .profiles()
        .forEach((name, settings) -> builder.profile(profile(base, name, settings)));
    return builder.build();
  }

  private static void load(ModelProfiles.Builder builder, Resource file) {
    String property = OllamaProperties.PREFIX + ".profiles-file";
    if (!file.exists()) {
      throw new IllegalStateException(property + " names " + file + ", which does not exist");
    }
    try (InputStream in = file.getInputStream()) {
      builder.load(in, file.getDescription());
    } catch (IOException e) {
      throw new IllegalStateException(property + ": cannot read " + file.getDescription(), e);
    }
  }

  private static ModelProfile profile(
      ModelProfiles base, String name, OllamaProperties.Profile settings) {
    String prefix = OllamaProperties.PREFIX + ".profiles." + name;
    ModelProfile.Builder profile =
        base.find(name).map(ModelProfile::toBuilder).orElseGet(() -> ModelProfile.builder(name));
    if (settings.model() == null && base.find(name).isEmpty()) {
      throw new IllegalStateException(
          prefix
              + ".model must be set: '"
              + name
              + "' is not a built-in profile nor one of the profiles file; known: "
              + base.names());
    }
    apply(prefix + ".model", () -> profile.model(settings.model()), settings.model());
    apply(
        prefix + ".temperature",
        () -> profile.temperature(settings.temperature()),
        settings.temperature());
    apply(prefix + ".top-p", () -> profile.topP(settings.topP()), settings.topP());
    apply(
        prefix + ".repeat-penalty",
        () -> profile.repeatPenalty(settings.repeatPenalty()),
        settings.repeatPenalty());
    apply(
        prefix + ".context-size",
        () -> profile.numCtx(settings.contextSize()),
        settings.contextSize());
    apply(
        prefix + ".keep-alive",
        () -> profile.keepAlive(KeepAlive.parse(settings.keepAlive())),
        settings.keepAlive());
    return profile.build();
  }

  private static void apply(String property, Runnable setter, Object value) {
    if (value == null) {
      return;
    }
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " is invalid: " + e.getMessage(), e);
    }
  }

  static OllamaClient client(
      OllamaProperties properties, ModelProfiles profiles, PullListener pullListener) {
    OllamaClientBuilder builder =
        OllamaClient.builder()
            .baseUrl(properties.baseUrl())
            .connectTimeout(properties.connectTimeout())
            .firstChunkTimeout(properties.firstChunkTimeout())
            .idleTimeout(properties.idleTimeout())
            .progressIdleTimeout(properties.progressIdleTimeout())
            .requestTimeout(properties.requestTimeout())
            .maxRetries(properties.maxRetries())
            .retryDelay(properties.retryBaseDelay(), properties.retryMaxDelay())
            .profiles(profiles);
    if (properties.totalTimeout() != null) {
      builder.totalTimeout(properties.totalTimeout());
    }
    if (properties.bearerToken() != null) {
      builder.bearerToken(properties.bearerToken());
    }
    if (properties.pullStrategy() != null) {
      builder.pullStrategy(properties.pullStrategy());
    }
    if (pullListener != null) {
      builder.pullListener(pullListener);
    }
    return builder.build();
  }

  /** Checks that a profile the properties name exists, naming the property if it does not. */
  static String knownProfile(ModelProfiles profiles, String name, String property) {
    if (profiles.find(name).isEmpty()) {
      throw new IllegalStateException(
          property + " is '" + name + "', which is no model profile; known: " + profiles.names());
    }
    return name;
  }

  /** Every profile but the embedding one, as chat models by profile name, with the listeners. */
  static Map<String, ChatModel> chatModels(
      OllamaClient client,
      ModelProfiles profiles,
      String embeddingProfile,
      List<ChatModelListener> listeners) {
    Map<String, ChatModel> models = new TreeMap<>();
    for (String name : profiles.names()) {
      if (!name.equals(embeddingProfile)) {
        models.put(name, client.models().chatModelBuilder(name).listeners(listeners).build());
      }
    }
    return models;
  }
}
