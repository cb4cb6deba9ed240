package dev.workflowengine.core.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the manager's answer as a decision. Asked for {@code {"next": …, "reason": …}}, small local
 * models still answer with a code fence, other key names, a "Next: security" line or a bare name,
 * and write names as "Security Expert" or "security_expert"; all of those are understood. What is
 * left is a problem to send back to the manager.
 */
final class ManagerAnswers {

  static final String CONCLUDE = "CONCLUDE";

  private static final Set<String> CONCLUDE_WORDS =
      Set.of("conclude", "concluded", "conclusion", "end", "done", "finish", "finished", "stop");

  private static final Pattern NEXT_LINE =
      Pattern.compile("(?im)^\\W*next(?:[ _]?(?:speaker|expert))?\\W*[:=]\\s*(.+)$");

  private ManagerAnswers() {}

  /** A decision, or the problem that kept the answer from being one. */
  record Reading(ManagerDecision decision, String problem) {
    static Reading problem(String problem) {
      return new Reading(null, problem);
    }
  }

  static Reading read(String answer, List<String> experts) {
    Optional<Map<String, Object>> object;
    boolean malformedJson = answer.indexOf('{') >= 0; // until an object is found in it
    try {
      object = JsonAnswers.object(answer);
    } catch (JsonProcessingException e) {
      object = Optional.empty(); // maybe a "Next:" line around a stray brace
    }
    String next;
    String reason;
    if (object.isPresent()) {
      Map<String, Object> json = object.get();
      if (json.get("conclude") instanceof Boolean conclude && conclude) {
        return new Reading(ManagerDecision.concluded(reasonOr(json)), null);
      }
      next =
          JsonAnswers.string(json, "next", "next_speaker", "nextSpeaker", "expert", "speaker")
              .orElse(null);
      reason = reasonOr(json);
      if (next == null) {
        return Reading.problem("the JSON answer has no \"next\" field");
      }
    } else {
      Matcher line = NEXT_LINE.matcher(answer);
      if (line.find()) {
        next = line.group(1);
      } else if (malformedJson) {
        return Reading.problem("the answer's JSON is malformed");
      } else if (answer.strip().split("\\s+").length <= 2) {
        next = answer; // a bare name, the most common shape when JSON mode is off
      } else {
        return Reading.problem("the answer is neither JSON nor a \"next:\" line");
      }
      reason = "";
    }
    return named(next, reason, experts);
  }

  private static Reading named(String next, String reason, List<String> experts) {
    String wanted = normalised(next);
    if (wanted.isEmpty()) {
      return Reading.problem("the answer names no expert");
    }
    if (CONCLUDE_WORDS.contains(wanted)) {
      return new Reading(ManagerDecision.concluded(reason), null);
    }
    for (String expert : experts) {
      if (normalised(expert).equals(wanted)) {
        return new Reading(ManagerDecision.speak(expert, reason), null);
      }
    }
    return Reading.problem("'" + next.strip() + "' is not one of the experts");
  }

  private static String reasonOr(Map<String, Object> json) {
    return JsonAnswers.string(json, "reason", "why", "rationale").orElse("");
  }

  /** "Security Expert", "security_expert" and "SECURITY" all become "security". */
  static String normalised(String name) {
    String letters = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return letters.endsWith("expert") && letters.length() > "expert".length()
        ? letters.substring(0, letters.length() - "expert".length())
        : letters;
  }
}
