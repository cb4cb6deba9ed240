package dev.workflowengine.api.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One node of a {@link WorkflowDefinition}: what runs at this step.
 *
 * <pre>{@code
 * NodeDefinition.of("summarize", NodeTypes.LLM,
 *     Map.of("prompt", "Summarise {{document}}", "model", "default", "output", "summary"));
 * }</pre>
 *
 * @param id unique within the definition; letters, digits, {@code _}, {@code -} and {@code .},
 *     starting with a letter
 * @param type one of {@link NodeTypes}
 * @param config the type's settings as JSON values; never {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeDefinition(
    @JsonInclude(JsonInclude.Include.ALWAYS) String id,
    @JsonInclude(JsonInclude.Include.ALWAYS) String type,
    Map<String, Object> config) {

  /** Normalises the components; the content is validated when the definition is compiled. */
  public NodeDefinition {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    config = JsonValues.copyObject(config, "nodes[" + id + "].config");
  }

  /**
   * Creates a node definition.
   *
   * @param id the node id
   * @param type the node type, one of {@link NodeTypes}
   * @param config the type's settings
   * @return the node definition
   */
  @SuppressWarnings("unchecked") // the constructor copies and checks every value
  public static NodeDefinition of(String id, String type, Map<String, ?> config) {
    return new NodeDefinition(id, type, (Map<String, Object>) config);
  }
}
