package dev.workflowengine.core.generate;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.api.GenerationAttempt;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.time.Instant;
import java.util.List;

/**
 * A workflow definition a language model wrote from a prompt, and how it got there.
 *
 * <pre>{@code
 * GeneratedWorkflow generated = generator.generate("Triage support tickets by urgency");
 * Workflow workflow = Workflows.compile(generated.definition(), catalog);
 * log.info("{} took {} attempt(s)", generated.definition().id(), generated.attempts().size());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param definition the definition; it compiles against the generator's catalog
 * @param prompt what was asked for
 * @param model the name of the model that wrote it
 * @param createdAt when it was accepted
 * @param attempts every attempt in order; the last one is the accepted one
 */
public record GeneratedWorkflow(
    WorkflowDefinition definition,
    String prompt,
    String model,
    Instant createdAt,
    List<GenerationAttempt> attempts) {

  /** Validates the components. */
  public GeneratedWorkflow {
    requireNonNull(definition, "definition");
    requireNonNull(prompt, "prompt");
    requireNonNull(model, "model");
    requireNonNull(createdAt, "createdAt");
    attempts = List.copyOf(requireNonNull(attempts, "attempts"));
    if (attempts.isEmpty() || !attempts.get(attempts.size() - 1).accepted()) {
      throw new IllegalArgumentException("the last attempt must be the accepted one");
    }
  }
}
