package dev.workflowengine.samples;

import java.io.PrintStream;

/**
 * Runs every sample in turn. Its first line says whether the models are real or scripted.
 *
 * <pre>
 * mvn -q -DskipTests -pl samples -am install exec:java
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
    SampleModels.announce(out);
    DocumentReviewSample.run(out);
    TicketTriageSample.run(out);
    ParallelReviewSample.run(out);
    LiveEventsSample.run(out);
    CrashRecoverySample.run(out);
    out.println("\nTour finished: 5 samples ran.");
  }
}
