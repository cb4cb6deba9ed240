package dev.workflowengine.ollama;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Ollama knows about one model, from {@link OllamaClient#show(String)} ({@code POST
 * /api/show}). Text Ollama left out is empty. Immutable.
 *
 * <pre>{@code
 * ShowResponse info = client.show("qwen3");
 * boolean canThink = info.capabilities().contains("thinking");
 * }</pre>
 *
 * @param license the model's license text
 * @param modelfile the Modelfile it was built from
 * @param parameters its default parameters, one {@code name value} per line
 * @param template its prompt template
 * @param system its default system prompt
 * @param details what it is made of
 * @param messages messages built into it
 * @param modelInfo architecture metadata (for example {@code general.architecture}, {@code
 *     llama.context_length}), JSON-shaped
 * @param capabilities what it can do, such as {@code completion}, {@code tools}, {@code thinking},
 *     {@code vision}, {@code embedding}
 * @param modifiedAt when it was last changed
 */
public record ShowResponse(
    String license,
    String modelfile,
    String parameters,
    String template,
    String system,
    ModelDetails details,
    List<ChatMessage> messages,
    Map<String, Object> modelInfo,
    List<String> capabilities,
    Optional<Instant> modifiedAt) {

  /** Normalises absent values to empty ones. */
  public ShowResponse {
    license = Objects.requireNonNullElse(license, "");
    modelfile = Objects.requireNonNullElse(modelfile, "");
    parameters = Objects.requireNonNullElse(parameters, "");
    template = Objects.requireNonNullElse(template, "");
    system = Objects.requireNonNullElse(system, "");
    details = Objects.requireNonNullElse(details, ModelDetails.EMPTY);
    messages = Checks.listOrEmpty(messages, "messages");
    modelInfo = modelInfo == null ? Map.of() : JsonCopies.object(modelInfo, "modelInfo");
    capabilities = Checks.listOrEmpty(capabilities, "capabilities");
    modifiedAt = Objects.requireNonNullElse(modifiedAt, Optional.empty());
  }
}
