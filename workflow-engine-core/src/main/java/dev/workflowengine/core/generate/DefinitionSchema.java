package dev.workflowengine.core.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.workflowengine.core.Workflows;
import java.util.List;

/**
 * The response format that constrains the model's answer to the published definition schema.
 *
 * <p>The schema goes to the model whole, as a {@link JsonRawSchema}, rather than rebuilt from
 * LangChain4j's typed {@code JsonSchemaElement}s: those cannot say {@code if}/{@code then} (which
 * ties a node's {@code config} to its {@code type}), {@code pattern}, {@code propertyNames} or maps
 * with typed values, so a rebuilt schema would tell the model less than the one people read. A
 * provider that ignores keywords it cannot enforce (Ollama's grammar does so for {@code if}/{@code
 * then}) still gets the structure; the compiler catches the rest and the generator sends it back.
 * The schema is not repeated in the prompt: at about five thousand tokens it would crowd a small
 * model's context.
 *
 * <p>One change is made: the node {@code type} enum lists only the types the catalog can serve.
 */
final class DefinitionSchema {

  /** The name the response format carries; providers such as OpenAI require one. */
  static final String NAME = "workflow_definition";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DefinitionSchema() {}

  /**
   * The JSON response format for definitions using only the given node types.
   *
   * @param nodeTypes the node types to allow
   * @return the format
   */
  static ResponseFormat responseFormat(List<String> nodeTypes) {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(
            JsonSchema.builder()
                .name(NAME)
                .rootElement(JsonRawSchema.from(narrowed(nodeTypes)))
                .build())
        .build();
  }

  /**
   * The published schema with the node type enum replaced.
   *
   * @param nodeTypes the node types to allow
   * @return the schema's JSON text
   */
  static String narrowed(List<String> nodeTypes) {
    try {
      ObjectNode schema = (ObjectNode) JSON.readTree(Workflows.schema());
      ObjectNode type = (ObjectNode) schema.at("/$defs/node/properties/type");
      if (type.isMissingNode() || !type.has("enum")) {
        throw new IllegalStateException("the definition schema no longer has a node type enum");
      }
      ArrayNode allowed = JSON.createArrayNode();
      nodeTypes.forEach(allowed::add);
      type.set("enum", allowed);
      return JSON.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the published definition schema is not JSON", e);
    }
  }
}
