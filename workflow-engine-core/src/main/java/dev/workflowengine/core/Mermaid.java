package dev.workflowengine.core;

import java.util.HashMap;
import java.util.Map;

/** Renders a graph as a Mermaid flowchart. */
final class Mermaid {

  private Mermaid() {}

  static String render(GraphSpec spec) {
    Map<String, String> ids = new HashMap<>();
    ids.put(Workflow.START, "__start__");
    ids.put(Workflow.END, "__end__");
    StringBuilder out = new StringBuilder("flowchart TD\n");
    out.append("  __start__([start])\n");
    int index = 0;
    for (NodeSpec node : spec.nodesById().values()) {
      String id = "n" + index++;
      ids.put(node.id(), id);
      out.append("  ").append(id).append(shape(node)).append('\n');
    }
    out.append("  __end__([end])\n");
    for (EdgeSpec edge : spec.edges()) {
      out.append("  ").append(ids.get(edge.from()));
      if (!edge.isConditional()) {
        out.append(" --> ");
      } else if (edge.label().isBlank()) {
        out.append(" -.-> ");
      } else {
        out.append(" -. \"").append(escape(edge.label())).append("\" .-> ");
      }
      out.append(ids.get(edge.to())).append('\n');
    }
    for (RouteSpec route : spec.routes()) {
      String from = ids.get(route.from());
      if (route.targetsDeclared()) {
        route
            .targets()
            .forEach(
                t ->
                    out.append("  ").append(from).append(" -.-> ").append(ids.get(t)).append('\n'));
      } else {
        out.append("  ")
            .append(from)
            .append(" -.-> ")
            .append(from)
            .append("_route{\"route: any node\"}\n");
      }
    }
    return out.toString();
  }

  private static String shape(NodeSpec node) {
    String label = "\"" + escape(node.id()) + "\"";
    return switch (node.kind()) {
      case HUMAN -> "[/" + label + "/]";
      case SUBWORKFLOW -> "[[" + label + "]]";
      case ACTION -> "[" + label + "]";
    };
  }

  private static String escape(String text) {
    return text.replace("\"", "#quot;").replace("\n", " ");
  }
}
