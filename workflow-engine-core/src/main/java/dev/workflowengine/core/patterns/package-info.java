/**
 * Prebuilt workflows for common multi-agent jobs: each is a factory whose builder returns an
 * ordinary {@link dev.workflowengine.core.Workflow}, so it runs in memory or on the engine,
 * checkpointed and streamed like any other. Every prompt has a default and can be replaced.
 *
 * <ul>
 *   <li>{@link dev.workflowengine.core.patterns.ExpertGroup}: a manager chooses which expert speaks
 *       next until it concludes or the round cap is reached, then summarises.
 * </ul>
 *
 * <pre>{@code
 * Workflow panel = ExpertGroup.builder().manager(model).maxRounds(6).build();
 * String summary = panel.invoke(Map.of(ExpertGroup.TOPIC, "Our login flow"))
 *     .state().getString(ExpertGroup.SUMMARY);
 * }</pre>
 */
package dev.workflowengine.core.patterns;
