package dev.workflowengine.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.patterns.ExpertGroup;
import dev.workflowengine.core.patterns.Turn;
import java.io.PrintStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expert group chat: a manager chooses which of the backend, frontend, security and data experts
 * speaks next, until it concludes or the round cap, then summarises the discussion.
 *
 * <pre>
 * mvn -q -pl samples -am compile exec:java -Dsample.main=dev.workflowengine.samples.ExpertGroupSample \
 *     -Dexec.args="Should we store uploaded invoices in the database or in object storage?"
 * </pre>
 */
public final class ExpertGroupSample {

  static final String TOPIC =
      "A payment service must retry failed card charges without charging anyone twice.";

  private static final Pattern ROUND = Pattern.compile("This is round (\\d+) of");

  private ExpertGroupSample() {}

  /**
   * Runs the sample on its own.
   *
   * @param args the topic, or none for the default one
   */
  public static void main(String[] args) {
    String topic = args.length == 0 ? TOPIC : String.join(" ", args);
    try (SampleModels models = SampleModels.fromEnvironment(System.out)) {
      models.announce(System.out);
      run(System.out, models, topic);
    }
  }

  static RunResult run(PrintStream out, SampleModels models, String topic) {
    ChatModel model = models.chat("scripted-panel", ExpertGroupSample::scriptedAnswer);
    Workflow panel = ExpertGroup.builder().manager(model).maxRounds(4).build();

    out.println("\n== 7. Expert group chat: \"" + topic + "\"");
    RunResult result = panel.invoke(Map.of(ExpertGroup.TOPIC, topic));
    for (Turn turn : result.state().getList(ExpertGroup.TRANSCRIPT, Turn.class)) {
      out.println("   [" + turn.speaker() + "] " + turn.text());
    }
    out.println("   ended by: " + result.state().getString(ExpertGroup.ENDED_BY));
    out.println("   summary: " + result.state().getString(ExpertGroup.SUMMARY));
    return result;
  }

  /** The manager picks backend, then security, then concludes; each expert speaks to its field. */
  private static String scriptedAnswer(String prompt) {
    Matcher round = ROUND.matcher(prompt);
    if (round.find()) {
      return switch (Integer.parseInt(round.group(1))) {
        case 1 -> "{\"next\": \"backend\", \"reason\": \"Retries start in the payment service.\"}";
        case 2 -> "{\"next\": \"security\", \"reason\": \"Idempotency keys must not leak.\"}";
        default -> "{\"next\": \"CONCLUDE\", \"reason\": \"Both sides are covered.\"}";
      };
    }
    if (prompt.contains("Write the final summary")) {
      return "Retry with an idempotency key per charge, stored with the charge; keys are random,"
          + " expire after a day and are never logged. Open question: the refund path.";
    }
    if (prompt.contains("the backend expert")) {
      return "Give every charge an idempotency key and let the card provider deduplicate retries.";
    }
    return "Generate the keys server-side, keep them out of logs and expire them after 24 hours.";
  }
}
