package dev.workflowengine.samples;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.patterns.EmailTriage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Email triage with a person in the loop: the email is analysed, a reply drafted, and the run waits
 * for an approval typed at the console ({@code y}, {@code n}, or a reply of your own) before the
 * reply goes out through a send tool. In the tour the approval is given automatically.
 *
 * <pre>
 * mvn -q -pl samples -am compile exec:java -Dsample.main=dev.workflowengine.samples.EmailTriageSample
 * </pre>
 */
public final class EmailTriageSample {

  static final Map<String, Object> EMAIL =
      Map.of(
          "from", "ada@example.com",
          "subject", "Charged twice for order #1182",
          "body", "Hello, my card was charged twice for order #1182 yesterday. Please refund one.");

  private EmailTriageSample() {}

  /**
   * Runs the sample on its own, asking for the approval at the console.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (SampleModels models = SampleModels.fromEnvironment(System.out)) {
      models.announce(System.out);
      run(System.out, models, consoleApproval(System.out));
    }
  }

  static RunResult run(
      PrintStream out, SampleModels models, Function<String, Map<String, Object>> approval) {
    ChatModel model = models.chat("scripted-mail", EmailTriageSample::scriptedAnswer);
    Outbox outbox = new Outbox();
    Workflow triage = EmailTriage.builder().model(model).sendTool(outbox).build();

    out.println("\n== 9. Email triage: \"" + EMAIL.get("subject") + "\" from " + EMAIL.get("from"));
    RunResult waiting = triage.invoke(Map.of("email", EMAIL));
    out.println("   analysis: " + waiting.state().getMap("analysis"));
    if (waiting.waiting().isEmpty()) {
      out.println("   outcome: " + waiting.state().getString("outcome"));
      return waiting;
    }
    out.println("   waiting for a person:");
    waiting.waiting().orElseThrow().prompt().lines().forEach(line -> out.println("   | " + line));
    RunResult done = triage.resume(waiting, approval.apply(waiting.waiting().get().prompt()));
    out.println("   outcome: " + done.state().getString("outcome"));
    outbox.sent.forEach(mail -> out.println("   sent: " + mail));
    return done;
  }

  /** The tour's approval: yes, said out loud. */
  static Function<String, Map<String, Object>> automaticApproval(PrintStream out) {
    return prompt -> {
      out.println("   approved (the tour answers for you; run EmailTriageSample to type it)");
      return Map.of("approved", true);
    };
  }

  /** Asks at the console: y sends the draft, n drops it, anything else is sent instead. */
  static Function<String, Map<String, Object>> consoleApproval(PrintStream out) {
    BufferedReader console =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return prompt -> {
      out.print("   Send it? y = send the draft, n = do not send, or type your own reply: ");
      out.flush();
      String answer = readLine(console);
      if (answer == null || answer.isBlank() || answer.trim().equalsIgnoreCase("n")) {
        return Map.of("approved", false);
      }
      if (answer.trim().equalsIgnoreCase("y")) {
        return Map.of("approved", true);
      }
      return Map.of("approved", true, "edited_reply", answer.trim());
    };
  }

  private static String readLine(BufferedReader console) {
    try {
      return console.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String scriptedAnswer(String prompt) {
    if (prompt.startsWith("From:")) {
      return "{\"category\": \"complaint\", \"urgency\": \"high\", \"needs_reply\": true,"
          + " \"summary\": \"A customer was charged twice for order #1182 and asks for a"
          + " refund.\"}";
    }
    return "Dear Ada, we are sorry for the double charge on order #1182. We have refunded one of"
        + " the two payments; it will reach your card within three days.";
  }

  /** The send tool: a real application would send through Gmail; this one keeps what it sent. */
  public static final class Outbox {
    final List<String> sent = new CopyOnWriteArrayList<>();

    /**
     * Sends an email.
     *
     * @param to the recipient
     * @param subject the subject
     * @param body the text
     * @return what happened
     */
    @Tool("Sends an email")
    public String send(@P("to") String to, @P("subject") String subject, @P("body") String body) {
      sent.add(to + " | " + subject + " | " + body);
      return "sent to " + to;
    }
  }
}
