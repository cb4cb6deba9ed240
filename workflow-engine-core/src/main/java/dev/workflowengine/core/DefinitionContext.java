package dev.workflowengine.core;

import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What compiling one definition has learned so far: the problems found, the state keys nodes write,
 * and the templates that read keys, so that reads of keys nobody writes can be reported.
 */
final class DefinitionContext {

  final WorkflowDefinition definition;
  final Catalog catalog;
  private final List<ValidationProblem> problems = new ArrayList<>();
  private final Set<String> written = new LinkedHashSet<>();
  private boolean writesUnknownKeys;
  private final Map<String, Template> templates = new LinkedHashMap<>();
  final Map<String, String> resources = new LinkedHashMap<>();

  DefinitionContext(WorkflowDefinition definition, Catalog catalog) {
    this.definition = definition;
    this.catalog = catalog;
  }

  void problem(String location, String message) {
    problems.add(new ValidationProblem(location, message));
  }

  List<ValidationProblem> problems() {
    return problems;
  }

  ConfigReader config(Map<String, Object> config, String location) {
    return new ConfigReader(config, location, problems);
  }

  /** A node calls this resource (a model, a tool), whose circuit breaker its callers share. */
  void calls(String nodeId, String resource) {
    resources.put(nodeId, resource);
  }

  /** A node writes this key. */
  void writes(String key) {
    written.add(key);
  }

  /** A node writes keys that cannot be known before it runs. */
  void writesUnknownKeys() {
    writesUnknownKeys = true;
  }

  /** Parses a template, recording a problem if it is malformed. */
  Optional<Template> template(String location, String source) {
    try {
      Template template = Template.parse(source);
      templates.put(location, template);
      return Optional.of(template);
    } catch (Template.InvalidTemplate e) {
      problem(location, e.getMessage());
      return Optional.empty();
    }
  }

  /** Compiles a CEL expression, recording a problem if it does not compile. */
  Optional<CelExpression> expression(String location, String source) {
    try {
      return Optional.of(CelExpression.compile(source));
    } catch (CelExpression.InvalidExpression e) {
      problem(location, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Reports templates that read keys no node writes and the state does not declare. Only when that
   * can be known: the definition declares its state, and every node's writes are known.
   */
  void checkTemplateReads() {
    if (definition.state().isEmpty() || writesUnknownKeys) {
      return;
    }
    Set<String> known = new LinkedHashSet<>(definition.state().keySet());
    known.addAll(written);
    templates.forEach(
        (location, template) -> {
          for (String key : template.rootKeys()) {
            if (!known.contains(key)) {
              problem(
                  location,
                  "reads {{"
                      + key
                      + "}} but no node writes '"
                      + key
                      + "' and the definition's state does not declare it"
                      + Suggestions.hint(key, known));
            }
          }
        });
  }
}
