package dev.workflowengine.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.patterns.DocumentAnalysis;
import dev.workflowengine.core.patterns.ExecutiveSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Document analysis of a file given on the command line (plain text, Markdown or PDF): the text is
 * extracted, analysed in chunks when it is long, and summarised with key findings, recommendations
 * and a priority. Without an argument it analyses a bundled incident report.
 *
 * <pre>
 * mvn -q -pl samples -am compile exec:java -Dsample.main=dev.workflowengine.samples.DocumentAnalysisSample \
 *     -Dexec.args="/path/to/report.pdf"
 * </pre>
 */
public final class DocumentAnalysisSample {

  /** Small chunks, so that even the bundled report is analysed in several parts. */
  static final int CHUNK_CHARS = 2_000;

  private DocumentAnalysisSample() {}

  /**
   * Runs the sample on its own.
   *
   * @param args the file to analyse, or none for the bundled incident report
   */
  public static void main(String[] args) {
    try (SampleModels models = SampleModels.fromEnvironment(System.out)) {
      models.announce(System.out);
      Path file = args.length == 0 ? bundledReport() : Path.of(args[0]);
      run(System.out, models, file);
    }
  }

  static RunResult run(PrintStream out, SampleModels models, Path file) {
    ChatModel model = models.chat("scripted-analyst", DocumentAnalysisSample::scriptedAnswer);
    Workflow analysis = DocumentAnalysis.builder().model(model).maxChunkChars(CHUNK_CHARS).build();

    out.println("\n== 8. Document analysis of " + file.getFileName());
    RunResult result =
        analysis.invoke(
            Map.of(DocumentAnalysis.PATH, file.toString(), DocumentAnalysis.ANALYSIS_TYPE, "risk"));
    out.println(
        "   "
            + result.state().getString(DocumentAnalysis.TEXT).length()
            + " characters in "
            + result.state().getInt(DocumentAnalysis.CHUNK_COUNT)
            + " chunks; path: "
            + String.join(" -> ", result.path()));
    ExecutiveSummary summary = result.state().get(DocumentAnalysis.SUMMARY, ExecutiveSummary.class);
    out.println("   summary:  " + summary.summary());
    summary.keyFindings().forEach(finding -> out.println("   finding:  " + finding));
    summary.recommendations().forEach(action -> out.println("   action:   " + action));
    out.println("   priority: " + summary.priority());
    return result;
  }

  private static String scriptedAnswer(String prompt) {
    if (prompt.startsWith("Analyze the following document content")) {
      int part = prompt.indexOf("(part ");
      String which = part < 0 ? "the document" : prompt.substring(part + 1, prompt.indexOf(')'));
      return "Analysis of " + which + ": outage after a failover, late alerting, double charges.";
    }
    if (prompt.startsWith("Below are the analyses")) {
      return "Combined: a 42-minute checkout outage, alerts 19 minutes late, 18 double charges.";
    }
    return "{\"summary\": \"A failed failover stopped checkout for 42 minutes; a wrong alert"
        + " threshold delayed the response and missing idempotency keys charged 18 customers"
        + " twice.\", \"key_findings\": [\"The runbook no longer matched the system\", \"The"
        + " alert threshold was wrong for a month\", \"Retries had no idempotency keys\"],"
        + " \"recommendations\": [\"Restore the alert threshold and test it\", \"Send an"
        + " idempotency key with every charge\", \"Drill failovers every quarter\"],"
        + " \"priority\": \"HIGH\"}";
  }

  /** The bundled report, copied to a temporary file as a user's file would be given. */
  static Path bundledReport() {
    try (InputStream in = DocumentAnalysisSample.class.getResourceAsStream("incident-report.md")) {
      if (in == null) {
        throw new IllegalStateException("incident-report.md is missing from the samples jar");
      }
      Path directory = Files.createTempDirectory("samples");
      Path file = Files.write(directory.resolve("incident-report.md"), in.readAllBytes());
      file.toFile().deleteOnExit();
      directory.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
