package dev.workflowengine.spring.google;

import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.google.GoogleTools;
import dev.workflowengine.google.GoogleWorkspace;
import dev.workflowengine.spring.WorkflowCatalogCustomizer;
import java.time.Clock;
import java.util.List;
import org.springframework.core.Ordered;

/**
 * Puts the eight Google tools in the catalog, each acting for the user its run belongs to, so that
 * JSON definitions can name {@code google.calendar.list_events} and the rest.
 *
 * <p>It runs before the application's own customizers: a catalog takes the last tool of a name, so
 * an application's customizer can still replace one of them. (Tool beans are taken in before any
 * customizer; a tool bean of the same name is replaced by Google's.)
 */
final class GoogleCatalogTools implements WorkflowCatalogCustomizer, Ordered {

  private final List<AgentTool> tools;

  GoogleCatalogTools(GoogleWorkspace workspace, Clock clock) {
    this.tools = GoogleTools.forRunUser(workspace, clock);
  }

  @Override
  public void customize(Catalog.Builder catalog) {
    tools.forEach(catalog::tool);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public String toString() {
    return "GoogleCatalogTools" + tools.stream().map(AgentTool::name).toList();
  }
}
