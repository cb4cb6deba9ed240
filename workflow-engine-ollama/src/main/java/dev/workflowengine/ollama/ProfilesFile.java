package dev.workflowengine.ollama;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a profiles file (the shape of the original {@code config/ollama/models.json}) into {@link
 * ModelProfiles}, failing with a {@link ModelProfileException} that names the file, the profile and
 * the key.
 */
final class ProfilesFile {

  private static final Set<String> TOP_LEVEL = Set.of("models", "pull", "endpoints");

  /** Duplicate keys are an error: in a hand-edited file the second one is usually a mistake. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String source;

  private ProfilesFile(String source) {
    this.source = source;
  }

  static ModelProfiles read(InputStream json, String source) {
    Checks.requireText(source, "source");
    return new ProfilesFile(source).read(json);
  }

  private ModelProfiles read(InputStream in) {
    JsonNode root = parse(in);
    if (!root.isObject()) {
      throw problem(null, null, "must be a JSON object with a \"models\" object");
    }
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String key = entry.getKey();
      if (!TOP_LEVEL.contains(key)) {
        throw problem(
            null, key, "is not known; a profiles file has \"models\", \"pull\" and \"endpoints\"");
      }
    }
    JsonNode models = root.get("models");
    if (models == null || !models.isObject()) {
      throw problem(null, "models", "must be an object of profiles by name");
    }
    List<ModelProfile> profiles = new ArrayList<>();
    models.properties().forEach(e -> profiles.add(profile(e.getKey(), e.getValue())));
    return ModelProfiles.of(profiles, pullStrategy(root.get("pull")));
  }

  private JsonNode parse(InputStream in) {
    try {
      JsonNode root = JSON.readTree(in);
      if (root == null || root.isMissingNode()) {
        throw problem(null, null, "is empty; it must be a JSON object with a \"models\" object");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      // Jackson's message ends with the parser's source and position, already given above.
      String reason = e.getOriginalMessage().replaceFirst("(?s)\\s*\\(start marker at .*$", "");
      throw new ModelProfileException(
          source, null, null, "is not valid JSON" + where + ": " + reason, e);
    } catch (IOException e) {
      throw new ModelProfileException(source, null, null, "cannot be read (" + e + ")", e);
    }
  }

  private PullStrategy pullStrategy(JsonNode pull) {
    if (pull == null) {
      return null;
    }
    if (!pull.isTextual()) {
      throw problem(null, "pull", "must be \"never\", \"when_missing\" or \"always\"");
    }
    try {
      return PullStrategy.fromName(pull.textValue());
    } catch (IllegalArgumentException e) {
      throw new ModelProfileException(source, null, "pull", e.getMessage(), e);
    }
  }

  private ModelProfile profile(String name, JsonNode node) {
    if (name.isBlank()) {
      throw problem(name, null, "has a blank name; give each profile a name such as \"default\"");
    }
    if (!node.isObject()) {
      throw problem(name, null, "must be an object such as {\"name\": \"llama3.2:3b\"}");
    }
    ModelProfile.Builder builder = ModelProfile.builder(name);
    Map<String, Given> options = new LinkedHashMap<>();
    node.properties().forEach(e -> apply(builder, options, name, e.getKey(), e.getValue()));
    if (!node.has("name") && !node.has("model")) {
      throw problem(name, "name", "is missing; it names the Ollama model, such as \"llama3.2:3b\"");
    }
    options.forEach((option, given) -> option(builder, name, option, given));
    return builder.build();
  }

  private void apply(
      ModelProfile.Builder builder,
      Map<String, Given> options,
      String profile,
      String key,
      JsonNode value) {
    switch (key) {
      case "name", "model" -> model(builder, profile, key, value);
      case "keep_alive" -> keepAlive(builder, profile, value);
      case "think" -> think(builder, profile, value);
      case "options" -> {
        if (!value.isObject()) {
          throw problem(profile, key, "must be an object of Ollama options");
        }
        value
            .properties()
            .forEach(
                e ->
                    addOption(options, profile, e.getKey(), "options." + e.getKey(), e.getValue()));
      }
      case "context_size" -> addOption(options, profile, "num_ctx", key, value);
      default -> addOption(options, profile, key, key, value);
    }
  }

  private void model(ModelProfile.Builder builder, String profile, String key, JsonNode value) {
    if (!value.isTextual()) {
      throw problem(profile, key, "must be a model name such as \"llama3.2:3b\"");
    }
    try {
      builder.model(value.textValue());
    } catch (IllegalArgumentException e) {
      throw new ModelProfileException(source, profile, key, e.getMessage(), e);
    }
  }

  private void keepAlive(ModelProfile.Builder builder, String profile, JsonNode value) {
    try {
      if (value.isNumber()) {
        builder.keepAlive(KeepAlive.parse(value.asText()));
      } else if (value.isTextual()) {
        builder.keepAlive(KeepAlive.parse(value.textValue()));
      } else {
        throw new IllegalArgumentException("must be seconds or a duration such as \"30m\"");
      }
    } catch (IllegalArgumentException e) {
      throw new ModelProfileException(source, profile, "keep_alive", e.getMessage(), e);
    }
  }

  private void think(ModelProfile.Builder builder, String profile, JsonNode value) {
    try {
      if (value.isBoolean()) {
        builder.think(Think.of(value.booleanValue()));
      } else if (value.isTextual()) {
        builder.think(Think.level(value.textValue()));
      } else {
        throw new IllegalArgumentException("must be true, false or a level such as \"high\"");
      }
    } catch (IllegalArgumentException e) {
      throw new ModelProfileException(source, profile, "think", e.getMessage(), e);
    }
  }

  /** Collects an option, refusing one given twice ({@code num_ctx} and {@code context_size}). */
  private void addOption(
      Map<String, Given> options, String profile, String option, String key, JsonNode value) {
    Given earlier = options.putIfAbsent(option, new Given(key, value));
    if (earlier != null) {
      throw problem(
          profile, key, "sets option '" + option + "' already set by '" + earlier.key() + "'");
    }
  }

  private void option(ModelProfile.Builder builder, String profile, String option, Given given) {
    if (given.value().isNull()) {
      throw problem(profile, given.key(), "is null; remove the key to use the model's default");
    }
    try {
      builder.option(option, JSON.convertValue(given.value(), Object.class));
    } catch (IllegalArgumentException e) {
      throw new ModelProfileException(source, profile, given.key(), e.getMessage(), e);
    }
  }

  /** An option's value and the key of the file that gave it, for error messages. */
  private record Given(String key, JsonNode value) {}

  private ModelProfileException problem(String profile, String key, String problem) {
    return new ModelProfileException(source, profile, key, problem, null);
  }
}
