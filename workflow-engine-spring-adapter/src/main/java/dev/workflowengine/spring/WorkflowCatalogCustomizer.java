package dev.workflowengine.spring;

import dev.workflowengine.core.Catalog;

/**
 * Adds to the auto-configured {@link Catalog} what beans do not express: sub-workflows by id,
 * models under extra names, an agent factory. Customizers run in {@link
 * org.springframework.core.annotation.Order} after the catalog has taken in the application's
 * {@code ChatModel}, {@code Agent} and {@code AgentTool} beans, so they have the last word.
 *
 * <pre>{@code
 * @Bean
 * WorkflowCatalogCustomizer summarizer(Workflow summarize) {
 *   return catalog -> catalog.workflow(summarize);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface WorkflowCatalogCustomizer {

  /**
   * Adds to the catalog being built.
   *
   * @param catalog the builder; do not call {@code build()}
   */
  void customize(Catalog.Builder catalog);
}
