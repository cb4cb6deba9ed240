package dev.workflowengine.core;

import dev.cel.runtime.CelEvaluationException;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.WorkflowValidationException;
import dev.workflowengine.api.definition.EdgeDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.StateKeyDefinition;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a {@link WorkflowDefinition} into a {@link Workflow} through the public builder: each node
 * by its type, each edge with its CEL condition, then the builder's own graph checks. Problems of
 * both kinds are reported together; locations are JSON paths into the definition.
 */
final class DefinitionCompiler {

  private static final Pattern WORKFLOW_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,127}");

  /** Stands in for a node whose configuration is invalid; never runs, because compiling fails. */
  private static final NodeAction INVALID =
      state -> {
        throw new IllegalStateException("a node with an invalid configuration cannot run");
      };

  private final DefinitionContext context;
  private final WorkflowDefinition definition;

  private DefinitionCompiler(WorkflowDefinition definition, Catalog catalog) {
    this.definition = definition;
    this.context = new DefinitionContext(definition, catalog);
  }

  static Workflow compile(WorkflowDefinition definition, Catalog catalog) {
    DefinitionCompiler compiler = new DefinitionCompiler(definition, catalog);
    Optional<Workflow> workflow = compiler.run();
    if (workflow.isEmpty()) {
      throw new WorkflowValidationException(
          "workflow definition '" + definition.id() + "'", compiler.context.problems());
    }
    return workflow.get();
  }

  static List<ValidationProblem> validate(WorkflowDefinition definition, Catalog catalog) {
    DefinitionCompiler compiler = new DefinitionCompiler(definition, catalog);
    compiler.run();
    return List.copyOf(compiler.context.problems());
  }

  private Optional<Workflow> run() {
    checkHeader();
    AgentNodes.checkDeclarations(context);
    WorkflowBuilder builder =
        Workflow.builder(definition.id())
            .description(definition.description())
            .version(Math.max(1, definition.version()));
    for (int i = 0; i < definition.nodes().size(); i++) {
      addNode(builder, definition.nodes().get(i), "nodes[" + i + "]");
    }
    for (int i = 0; i < definition.edges().size(); i++) {
      addEdge(builder, definition.edges().get(i), "edges[" + i + "]");
    }
    if (!definition.startNode().isBlank()) {
      builder.start(definition.startNode());
    }
    definition.policies().forEach(builder::policy);
    context.resources.forEach(builder::resource);
    definition
        .state()
        .forEach(
            (key, declaration) -> {
              if (declaration.reducer() == StateKeyDefinition.Reducer.APPEND) {
                builder.reducer(key, Reducers.append());
              }
              if (declaration.required()) {
                builder.requireInput(key);
              }
            });
    context.checkTemplateReads();
    try {
      Workflow workflow = builder.build();
      return context.problems().isEmpty() ? Optional.of(workflow) : Optional.empty();
    } catch (WorkflowValidationException graphProblems) {
      context.problems().addAll(graphProblems.problems());
      return Optional.empty();
    }
  }

  private void checkHeader() {
    if (!WORKFLOW_ID.matcher(definition.id()).matches()) {
      context.problem(
          "id",
          "workflow id '"
              + definition.id()
              + "' is invalid: use letters, digits, '_', '-', '.'"
              + " or ':', starting with a letter or digit, at most 128 characters");
    }
    if (definition.version() < 1) {
      context.problem("version", "must be 1 or more but is " + definition.version());
    }
  }

  private void addNode(WorkflowBuilder builder, NodeDefinition node, String location) {
    int problemsBefore = context.problems().size();
    boolean added =
        switch (node.type()) {
          case NodeTypes.LLM -> add(builder, node, LlmNode.compile(node, location, context));
          case NodeTypes.TOOL -> add(builder, node, ToolNode.compile(node, location, context));
          case NodeTypes.TRANSFORM ->
              add(builder, node, TransformNode.compile(node, location, context));
          case NodeTypes.AGENT -> add(builder, node, AgentNodes.compile(node, location, context));
          case NodeTypes.HUMAN ->
              HumanNodes.compile(node, location, context)
                  .map(step -> builder.human(node.id(), step))
                  .isPresent();
          case NodeTypes.SUBWORKFLOW ->
              SubworkflowNodes.compile(node, location, context)
                  .map(c -> builder.subworkflow(node.id(), c.child(), c.input(), c.output()))
                  .isPresent();
          default -> {
            context.problem(
                location + ".type",
                "unknown node type '"
                    + node.type()
                    + "'"
                    + Suggestions.hint(node.type(), NodeTypes.ALL)
                    + "; use one of "
                    + NodeTypes.ALL.stream().sorted().toList());
            yield false;
          }
        };
    if (!added) {
      if (context.problems().size() == problemsBefore) {
        throw new IllegalStateException("node " + location + " was neither compiled nor reported");
      }
      builder.node(node.id(), INVALID); // keeps the graph checks meaningful
    }
  }

  private static boolean add(WorkflowBuilder builder, NodeDefinition node, NodeAction action) {
    if (action != null) {
      builder.node(node.id(), action);
    }
    return action != null;
  }

  private void addEdge(WorkflowBuilder builder, EdgeDefinition edge, String location) {
    if (edge.when().isEmpty()) {
      builder.edge(edge.from(), edge.to());
      return;
    }
    String source = edge.when().get();
    Optional<CelExpression> expression = context.expression(location + ".when", source);
    expression
        .filter(e -> !e.mayBeBoolean())
        .ifPresent(
            e ->
                context.problem(
                    location + ".when",
                    "condition \""
                        + source
                        + "\" evaluates to "
                        + e.resultKind()
                        + ", not a boolean; make it a test, for example with ==, <, has() or in"));
    Condition condition =
        expression.<Condition>map(e -> state -> test(e, state, edge)).orElse(state -> false);
    builder.edge(edge.from(), edge.to(), source, condition);
  }

  private static boolean test(CelExpression expression, WorkflowState state, EdgeDefinition edge) {
    Object result;
    try {
      result = expression.evaluate(state);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException(
          "the condition of the edge from '"
              + edge.from()
              + "' to '"
              + edge.to()
              + "': "
              + expression.explain(e),
          e);
    }
    if (result instanceof Boolean value) {
      return value;
    }
    throw new IllegalStateException(
        "the condition \""
            + expression.source()
            + "\" of the edge from '"
            + edge.from()
            + "' to '"
            + edge.to()
            + "' evaluated to "
            + StateValues.preview(result)
            + ", not a boolean");
  }
}
