package dev.workflowengine.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Workflow definitions as JSON: parse them, write them, validate and compile them against a {@link
 * Catalog}.
 *
 * <pre>{@code
 * WorkflowDefinition definition = Workflows.parse(Files.readString(Path.of("triage.json")));
 * Workflow workflow = Workflows.compile(definition, catalog);
 * RunResult result = workflow.invoke(Map.of("ticket", text));
 * }</pre>
 *
 * <p>Thread-safe: every method is a function of its arguments.
 */
public final class Workflows {

  private static final String SUBJECT = "the workflow definition JSON";

  private Workflows() {}

  /**
   * Reads a definition from its JSON form.
   *
   * @param json the JSON text
   * @return the definition, not yet validated beyond its shape
   * @throws WorkflowValidationException if the text is not JSON or not shaped like a definition,
   *     with the line, column and path of the problem
   */
  public static WorkflowDefinition parse(String json) {
    requireNonNull(json, "json");
    try {
      WorkflowDefinition definition = Json.MAPPER.readValue(json, WorkflowDefinition.class);
      if (definition == null) {
        throw invalidJson("$", "the document is empty or null; expected a JSON object");
      }
      return definition;
    } catch (UnrecognizedPropertyException e) {
      throw invalidJson(path(e), UnknownProperties.message(e.getPropertyName(), known(e)));
    } catch (JsonMappingException e) {
      List<ValidationProblem> unknown = UnknownProperties.of(json);
      if (!unknown.isEmpty()) {
        throw new WorkflowValidationException(SUBJECT, unknown); // the likelier cause
      }
      if (e instanceof ValueInstantiationException && e.getCause() != null) {
        // A record refused its values: say what it said, not which Java class it is.
        if (e.getCause() instanceof NullPointerException missing
            && missing.getMessage() != null
            && missing.getMessage().matches("[A-Za-z]+")) {
          throw invalidJson(path(e) + "." + missing.getMessage(), "is required" + at(e));
        }
        throw invalidJson(path(e), e.getCause().getMessage() + at(e));
      }
      throw invalidJson(path(e), e.getOriginalMessage() + at(e));
    } catch (JsonProcessingException e) {
      throw invalidJson("$", "not valid JSON: " + e.getOriginalMessage() + at(e));
    }
  }

  /**
   * Writes a definition in its JSON form, indented.
   *
   * @param definition the definition
   * @return the JSON text; {@link #parse} reads it back into an equal definition
   */
  public static String toJson(WorkflowDefinition definition) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a definition could not be written as JSON", e);
    }
  }

  /**
   * Finds every problem that would stop a definition from compiling against a catalog.
   *
   * @param definition the definition
   * @param catalog what it may refer to
   * @return the problems, each with its location; empty if it compiles
   */
  public static List<ValidationProblem> validate(WorkflowDefinition definition, Catalog catalog) {
    return DefinitionCompiler.validate(
        requireNonNull(definition, "definition"), requireNonNull(catalog, "catalog"));
  }

  /**
   * Validates a definition and compiles it into a runnable workflow.
   *
   * @param definition the definition
   * @param catalog the models, agents, tools and workflows it may refer to by name
   * @return the workflow
   * @throws WorkflowValidationException listing every problem found, each with its location
   */
  public static Workflow compile(WorkflowDefinition definition, Catalog catalog) {
    return DefinitionCompiler.compile(
        requireNonNull(definition, "definition"), requireNonNull(catalog, "catalog"));
  }

  /**
   * The JSON Schema of the definition format, as published in the API jar.
   *
   * @return the schema's JSON text
   */
  public static String schema() {
    try (InputStream in =
        WorkflowDefinition.class.getResourceAsStream(WorkflowDefinition.SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            WorkflowDefinition.SCHEMA_RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WorkflowValidationException invalidJson(String location, String message) {
    return new WorkflowValidationException(SUBJECT, location, message);
  }

  private static List<String> known(UnrecognizedPropertyException e) {
    return e.getKnownPropertyIds() == null
        ? List.of()
        : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
  }

  /** A JSON path such as {@code $.nodes[2].config}. */
  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("", "$", ""));
  }

  private static String at(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
