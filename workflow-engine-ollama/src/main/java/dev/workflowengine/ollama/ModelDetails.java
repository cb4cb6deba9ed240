package dev.workflowengine.ollama;

import java.util.List;
import java.util.Objects;

/**
 * What a model is made of, as {@code /api/tags}, {@code /api/ps} and {@code /api/show} report it. A
 * field Ollama left out is empty. Immutable.
 *
 * @param parentModel the model it was created from, if any
 * @param format the file format, such as {@code gguf}
 * @param family the main model family, such as {@code llama}
 * @param families every family it belongs to
 * @param parameterSize the parameter count label, such as {@code 3.2B}
 * @param quantizationLevel the quantization, such as {@code Q4_K_M}
 */
public record ModelDetails(
    String parentModel,
    String format,
    String family,
    List<String> families,
    String parameterSize,
    String quantizationLevel) {

  /** Details with every field empty. */
  public static final ModelDetails EMPTY = new ModelDetails("", "", "", List.of(), "", "");

  /** Normalises absent values to empty ones. */
  public ModelDetails {
    parentModel = Objects.requireNonNullElse(parentModel, "");
    format = Objects.requireNonNullElse(format, "");
    family = Objects.requireNonNullElse(family, "");
    families = Checks.listOrEmpty(families, "families");
    parameterSize = Objects.requireNonNullElse(parameterSize, "");
    quantizationLevel = Objects.requireNonNullElse(quantizationLevel, "");
  }
}
