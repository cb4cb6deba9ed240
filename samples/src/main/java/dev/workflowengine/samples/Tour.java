package dev.workflowengine.samples;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs every sample in turn. Its first line says whether the models are real or scripted.
 *
 * <pre>
 * mvn -q -pl samples -am compile exec:java
 * </pre>
 */
public final class Tour {

  private Tour() {}

  /**
   * Runs the tour.
   *
   * @param args ignored
   */
  public static void main(String[] args) throws InterruptedException {
    PrintStream out = System.out;
    try (SampleModels models = SampleModels.fromEnvironment(out)) {
      models.announce(out);
      DocumentReviewSample.run(out, models);
      TicketTriageSample.run(out, models);
      ParallelReviewSample.run(out, models);
      LiveEventsSample.run(out, models);
      GenerateAndExecuteSample.run(out, models, GenerateAndExecuteSample.SENTENCE);
      StreamingChatSample.run(out, models, StreamingChatSample.QUESTION);
      ExpertGroupSample.run(out, models, ExpertGroupSample.TOPIC);
      DocumentAnalysisSample.run(out, models, DocumentAnalysisSample.bundledReport());
      EmailTriageSample.run(out, models, EmailTriageSample.automaticApproval(out));
      // Explains which variables to set, unless GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are.
      CalendarAssistantSample.run(
          out, models, CalendarAssistantSettings.fromEnvironment(System.getenv()), List.of());
    }
    CrashRecoverySample.run(out);
    out.println("\nTour finished: 11 samples ran.");
  }
}
