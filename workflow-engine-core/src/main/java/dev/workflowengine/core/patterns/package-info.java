/**
 * Prebuilt workflows for common multi-agent jobs: each is a factory whose builder returns an
 * ordinary {@link dev.workflowengine.core.Workflow}, so it runs in memory or on the engine,
 * checkpointed and streamed like any other. Every prompt has a default and can be replaced.
 *
 * <ul>
 *   <li>{@link dev.workflowengine.core.patterns.ExpertGroup}: a manager chooses which expert speaks
 *       next until it concludes or the round cap is reached, then summarises.
 *   <li>{@link dev.workflowengine.core.patterns.DocumentAnalysis}: the text of a plain text,
 *       Markdown or PDF document, analysed in chunks when it exceeds the budget, combined, and
 *       summarised as an {@link dev.workflowengine.core.patterns.ExecutiveSummary}.
 * </ul>
 *
 * <pre>{@code
 * Workflow panel = ExpertGroup.builder().manager(model).maxRounds(6).build();
 * String summary = panel.invoke(Map.of(ExpertGroup.TOPIC, "Our login flow"))
 *     .state().getString(ExpertGroup.SUMMARY);
 * }</pre>
 */
package dev.workflowengine.core.patterns;
