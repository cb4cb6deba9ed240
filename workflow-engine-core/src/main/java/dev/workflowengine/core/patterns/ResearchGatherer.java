package dev.workflowengine.core.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.WorkflowState;
import dev.workflowengine.core.agent.Agent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The gather step of {@link Research}: answers the next unanswered question with an agent over the
 * research tools, and records every tool result it got as a numbered source.
 *
 * <p>The agent is built afresh for each question because its tools are wrapped to record into that
 * question's own list: a shared agent would mix the sources of concurrent executions. Tools of one
 * turn run at once, so the recorded order is not the order asked; sources are numbered by tool name
 * and then arguments, which gives the same numbers on a re-run, and identical calls count once.
 * Thread-safe.
 */
final class ResearchGatherer implements NodeAction {

  private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

  private final ChatModel model;
  private final String systemPrompt;
  private final String prompt;
  private final List<AgentTool> tools;
  private final int maxToolRounds;
  private final int sourceChars;

  ResearchGatherer(
      ChatModel model,
      String systemPrompt,
      String prompt,
      List<AgentTool> tools,
      int maxToolRounds,
      int sourceChars) {
    this.model = model;
    this.systemPrompt = systemPrompt;
    this.prompt = prompt;
    this.tools = tools;
    this.maxToolRounds = maxToolRounds;
    this.sourceChars = sourceChars;
    agent(new ConcurrentLinkedQueue<>()); // fails now, at build(), on a bad prompt
  }

  /** What one tool call returned. */
  private record Call(
      String tool, Map<String, Object> arguments, String argumentsJson, String content) {}

  @Override
  public Map<String, Object> apply(WorkflowState state) throws Exception {
    List<String> questions = state.getList("questions", String.class);
    int index = ResearchGraph.count(state, "findings");
    int firstNumber = ResearchGraph.count(state, "sources") + 1;
    String question = questions.get(index);
    Map<String, Object> values = new HashMap<>(state.asMap());
    values.put("question", question);
    values.put("question_number", index + 1);

    Queue<Call> calls = new ConcurrentLinkedQueue<>();
    String answer = String.valueOf(agent(calls).apply(WorkflowState.of(values)).get("answer"));

    List<Call> distinct = new ArrayList<>(new LinkedHashSet<>(calls));
    distinct.sort(Comparator.comparing(Call::tool).thenComparing(Call::argumentsJson));
    List<Map<String, Object>> sources = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (Call call : distinct) {
      int number = firstNumber + sources.size();
      numbers.add(number);
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("number", number);
      source.put("tool", call.tool());
      source.put("arguments", call.arguments());
      source.put("content", call.content());
      sources.add(Collections.unmodifiableMap(source));
    }
    Map<String, Object> finding = new LinkedHashMap<>();
    finding.put("question", question);
    finding.put("answer", answer);
    finding.put("sources", List.copyOf(numbers));
    return Map.of(
        "findings", List.of(Collections.unmodifiableMap(finding)), "sources", List.copyOf(sources));
  }

  private Agent agent(Queue<Call> calls) {
    Agent.Builder builder =
        Agent.builder("researcher")
            .model(model)
            .systemPrompt(systemPrompt)
            .prompt(prompt)
            .maxToolRounds(maxToolRounds)
            .outputKey("answer");
    for (AgentTool tool : tools) {
      builder.tool(recording(tool, calls));
    }
    return builder.build();
  }

  private AgentTool recording(AgentTool tool, Queue<Call> calls) {
    return new AgentTool() {
      @Override
      public ToolSpecification specification() {
        return tool.specification();
      }

      @Override
      public Object execute(Map<String, Object> arguments) throws Exception {
        Object result = tool.execute(arguments);
        // Only results count as sources: a failed call taught the model nothing to cite.
        Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        calls.add(new Call(tool.name(), copy, json(copy), cut(text(result))));
        return result;
      }
    };
  }

  private String cut(String text) {
    return text.length() <= sourceChars ? text : text.substring(0, sourceChars) + "…";
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof CharSequence ? value.toString() : json(value);
  }

  static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
