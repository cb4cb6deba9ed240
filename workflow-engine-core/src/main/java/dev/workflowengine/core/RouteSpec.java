package dev.workflowengine.core;

import java.util.Set;

/**
 * A conditional edge whose target a function chooses.
 *
 * @param from the source node id
 * @param route the function
 * @param targets the targets it may choose; empty when any node may be chosen
 */
record RouteSpec(String from, Route route, Set<String> targets) {

  boolean targetsDeclared() {
    return !targets.isEmpty();
  }

  String location() {
    return "routes[" + from + "]";
  }
}
