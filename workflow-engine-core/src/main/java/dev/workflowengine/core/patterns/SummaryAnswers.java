package dev.workflowengine.core.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a model's executive summary from its JSON answer, accepting the key spellings models use
 * ({@code key_findings}, {@code keyFindings}, {@code findings}) and a priority in any case, and
 * listing every problem otherwise, so that one repair request can name them all.
 */
final class SummaryAnswers {

  /** A summary, or the problems that kept the answer from being one. */
  record Reading(ExecutiveSummary summary, List<String> problems) {}

  private SummaryAnswers() {}

  static Reading read(String answer) {
    Map<String, Object> json;
    try {
      Optional<Map<String, Object>> object = JsonAnswers.object(answer);
      if (object.isEmpty()) {
        return new Reading(null, List.of("the answer holds no JSON object"));
      }
      json = object.get();
    } catch (JsonProcessingException e) {
      return new Reading(
          null, List.of("the answer is not valid JSON (" + e.getOriginalMessage() + ")"));
    }
    List<String> problems = new ArrayList<>();
    String summary =
        JsonAnswers.string(json, "summary", "executive_summary", "executiveSummary")
            .filter(s -> !s.isBlank())
            .orElse(null);
    if (summary == null) {
      problems.add("\"summary\" is missing or empty");
    }
    List<String> findings = strings(json, problems, "key_findings", "keyFindings", "findings");
    List<String> actions = strings(json, problems, "recommendations", "actions");
    ExecutiveSummary.Priority priority = priority(json, problems);
    if (!problems.isEmpty()) {
      return new Reading(null, List.copyOf(problems));
    }
    return new Reading(new ExecutiveSummary(summary, findings, actions, priority), List.of());
  }

  private static List<String> strings(
      Map<String, Object> json, List<String> problems, String... keys) {
    for (Map.Entry<String, Object> entry : json.entrySet()) {
      for (String key : keys) {
        if (entry.getKey().equalsIgnoreCase(key) && entry.getValue() instanceof List<?> list) {
          List<String> items = new ArrayList<>();
          for (Object item : list) {
            if (item instanceof String text && !text.isBlank()) {
              items.add(text.strip());
            }
          }
          if (!items.isEmpty()) {
            return items;
          }
        }
      }
    }
    problems.add("\"" + keys[0] + "\" is missing or not a non-empty array of strings");
    return List.of();
  }

  private static ExecutiveSummary.Priority priority(
      Map<String, Object> json, List<String> problems) {
    Optional<String> value =
        JsonAnswers.string(json, "priority", "priority_level", "priorityLevel");
    if (value.isPresent()) {
      try {
        return ExecutiveSummary.Priority.valueOf(value.get().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException notOne) {
        problems.add("\"priority\" is '" + value.get() + "', not one of HIGH, MEDIUM, LOW");
        return null;
      }
    }
    problems.add("\"priority\" is missing");
    return null;
  }
}
