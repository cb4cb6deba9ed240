package dev.workflowengine.samples;

import java.io.PrintStream;

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
    }
    CrashRecoverySample.run(out);
    out.println("\nTour finished: 10 samples ran.");
  }
}
