package dev.workflowengine.core.generate;

import static dev.workflowengine.core.generate.GeneratorFixtures.LOOKUP;
import static dev.workflowengine.core.generate.GeneratorFixtures.VALID;
import static dev.workflowengine.core.generate.GeneratorFixtures.catalog;
import static dev.workflowengine.core.generate.GeneratorFixtures.generator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.Workflows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the generator tells the model: the catalog's names only, and the definition schema. */
class GeneratorRequestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The bullet names under each "Title:" heading of the system prompt, after the rules. */
  private static Map<String, List<String>> sections(String prompt) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : prompt.split("\n")) {
      if (line.matches("[A-Z][a-z ]+:")) {
        current = new ArrayList<>();
        sections.put(line.substring(0, line.length() - 1), current);
      } else if (line.startsWith("- ") && current != null) {
        String item = line.substring(2);
        int colon = item.indexOf(": ");
        current.add(colon < 0 ? item : item.substring(0, colon));
      } else if (!line.isBlank()) {
        current = null;
      }
    }
    sections.remove("Rules");
    return sections;
  }

  private static String systemPrompt(ScriptedChatModel model) {
    return ((SystemMessage) model.requests.get(0).messages().get(0)).text();
  }

  @Test
  void theSystemPromptNamesExactlyWhatTheCatalogHas() {
    ScriptedChatModel model = new ScriptedChatModel(VALID);
    Catalog catalog = catalog(new ScriptedChatModel());

    generator(model, catalog).generate("Check a customer's tickets");

    String prompt = systemPrompt(model);
    assertThat(sections(prompt))
        .containsExactly(
            Map.entry(
                "Node types", List.of("llm", "agent", "tool", "human", "subworkflow", "transform")),
            Map.entry("Models", List.of("default", "large")),
            Map.entry("Agents", List.of("greeter")),
            Map.entry("Tools", List.of("ticket.lookup")),
            Map.entry("Workflows", List.of("summarize")));
    assertThat(prompt)
        .contains("- ticket.lookup: Finds a customer's open tickets Arguments: {")
        .contains("\"customer\"")
        .contains("- summarize: Summarises a text");
  }

  @Test
  void aSmallCatalogGetsOnlyTheNodeTypesItCanServeAndNoEmptySections() {
    ScriptedChatModel model = new ScriptedChatModel(VALID);
    Catalog catalog = Catalog.builder().tool(LOOKUP).build();

    generator(model, catalog).generate("Check a customer's tickets");

    String prompt = systemPrompt(model);
    assertThat(sections(prompt))
        .containsExactly(
            Map.entry("Node types", List.of("tool", "human", "transform")),
            Map.entry("Tools", List.of("ticket.lookup")));
    assertThat(prompt).doesNotContain("- llm", "- agent", "- subworkflow", "declared in");
  }

  @Test
  void agentsDeclaredInTheDefinitionAreOfferedOnlyWhenTheCatalogHasAModelForThem() {
    // The catalog's standard agent factory builds declared agents; they need a model.
    ScriptedChatModel withModel = new ScriptedChatModel(VALID);
    ScriptedChatModel withoutModel = new ScriptedChatModel(VALID);

    generator(withoutModel, Catalog.builder().tool(LOOKUP).build())
        .generate("Check a customer's tickets");
    generator(
            withModel, Catalog.builder().tool(LOOKUP).defaultModel(new ScriptedChatModel()).build())
        .generate("Check a customer's tickets");

    assertThat(sections(systemPrompt(withoutModel)).get("Node types"))
        .containsExactly("tool", "human", "transform");
    assertThat(systemPrompt(withoutModel)).doesNotContain("declared");
    assertThat(sections(systemPrompt(withModel)))
        .containsExactly(
            Map.entry("Node types", List.of("llm", "agent", "tool", "human", "transform")),
            Map.entry("Models", List.of("default")),
            Map.entry("Tools", List.of("ticket.lookup")));
    assertThat(systemPrompt(withModel))
        .contains("an agent below or the id of an agent declared in \"agents\"")
        .contains("Agents may also be declared in \"agents\"");
  }

  @Test
  void theRequestCarriesThePublishedSchemaNarrowedToTheCatalogsNodeTypes() throws Exception {
    ScriptedChatModel model = new ScriptedChatModel(VALID);
    Catalog catalog = Catalog.builder().tool(LOOKUP).build();

    generator(model, catalog).generate("Check a customer's tickets");

    ChatRequest request = model.requests.get(0);
    assertThat(request.responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
    assertThat(request.responseFormat().jsonSchema().name()).isEqualTo("workflow_definition");
    assertThat(request.responseFormat().jsonSchema().rootElement())
        .isInstanceOf(JsonRawSchema.class);
    JsonNode sent =
        JSON.readTree(
            ((JsonRawSchema) request.responseFormat().jsonSchema().rootElement()).schema());
    ObjectNode expected = (ObjectNode) JSON.readTree(Workflows.schema());
    ((ObjectNode) expected.at("/$defs/node/properties/type"))
        .set("enum", JSON.valueToTree(List.of("tool", "human", "transform")));
    assertThat(sent).isEqualTo(expected);

    // providers map the format through LangChain4j's own conversion; it must keep every keyword
    JsonNode mapped =
        JSON.valueToTree(
            JsonSchemaElementUtils.toMap(request.responseFormat().jsonSchema().rootElement()));
    assertThat(mapped).isEqualTo(expected);
  }

  @Test
  void theNarrowedSchemaAcceptsTheFixtureAndRefusesTypesTheCatalogCannotServe() throws Exception {
    JsonSchema narrowed =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(DefinitionSchema.narrowed(List.of("tool", "human", "transform")));

    assertThat(narrowed.validate(JSON.readTree(VALID))).isEmpty();
    String llm =
        VALID.replace(
            "{\"id\": \"classify\", \"type\": \"transform\",",
            "{\"id\": \"classify\", \"type\": \"llm\",");
    assertThat(llm).isNotEqualTo(VALID);
    assertThat(narrowed.validate(JSON.readTree(llm)))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("enum"));
  }
}
