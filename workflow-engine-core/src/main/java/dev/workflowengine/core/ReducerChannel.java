package dev.workflowengine.core;

import java.util.Optional;
import java.util.function.Supplier;
import org.bsc.langgraph4j.state.AgentState;
import org.bsc.langgraph4j.state.Channel;
import org.bsc.langgraph4j.state.Reducer;

/**
 * A {@link dev.workflowengine.core.Reducer} as a LangGraph4j channel. Replaces the channel's update
 * entirely: LangGraph4j's own appender channels modify the previous list in place, which would
 * corrupt states that share values.
 */
final class ReducerChannel implements Channel<Object> {

  private final dev.workflowengine.core.Reducer reducer;

  ReducerChannel(dev.workflowengine.core.Reducer reducer) {
    this.reducer = reducer;
  }

  @Override
  public Optional<Reducer<Object>> getReducer() {
    return Optional.empty();
  }

  @Override
  public Optional<Supplier<Object>> getDefault() {
    return Optional.empty();
  }

  @Override
  public Object update(String key, Object oldValue, Object newValue) {
    if (newValue == null
        || newValue == AgentState.MARK_FOR_REMOVAL
        || newValue == AgentState.MARK_FOR_RESET) {
      return null;
    }
    return reducer.reduce(oldValue, newValue);
  }
}
