package dev.workflowengine.core.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.workflowengine.api.DocumentException;
import dev.workflowengine.api.DocumentException.Problem;
import dev.workflowengine.api.WorkflowExecutionException;
import dev.workflowengine.core.RunOptions;
import dev.workflowengine.core.RunPosition;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.memory.InMemoryCheckpointStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Document analysis end to end on a fake model that answers by rule and records requests. */
class DocumentAnalysisTest {

  private static final String SUMMARY_JSON =
      "```json\n{\"summary\": \"Revenue grew.\", \"key_findings\": [\"growth\", \"churn\"],"
          + " \"recommendations\": [\"hire\"], \"priority\": \"high\"}\n```";

  private static final Pattern PART = Pattern.compile("content \\((.*?)\\)");
  private static final Pattern COMBINE =
      Pattern.compile("^Below are the analyses of (\\d+) consecutive parts");

  @TempDir Path dir;

  /** The rule: a chunk gets "analysis of <part>", combining "combined <count>", then the JSON. */
  private static RuleChatModel model(String... summaryAnswers) {
    List<String> summaries = new ArrayList<>(List.of(summaryAnswers));
    return new RuleChatModel(
        request -> {
          String prompt = RuleChatModel.lastUserText(request);
          if (prompt.startsWith("Analyze the following document content")) {
            Matcher part = PART.matcher(prompt);
            return "analysis of " + (part.find() ? part.group(1) : "?");
          }
          Matcher combine = COMBINE.matcher(prompt);
          if (combine.find()) {
            return "combined " + combine.group(1);
          }
          return summaries.size() > 1 ? summaries.remove(0) : summaries.get(0);
        });
  }

  private static List<String> prompts(RuleChatModel model, String prefix) {
    return model.userTexts().stream().filter(p -> p.startsWith(prefix)).toList();
  }

  private static ExecutiveSummary summary(RunResult result) {
    return result.state().get(DocumentAnalysis.SUMMARY, ExecutiveSummary.class);
  }

  @Test
  void aShortPlainTextFileIsAnalysedInOneRequestAndSummarised() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "\uFEFFRevenue grew 12% in Q3.\r\nChurn rose to 4%.\n");
    RuleChatModel model = model(SUMMARY_JSON);
    Workflow analysis = DocumentAnalysis.builder().model(model).build();

    RunResult result =
        analysis.invoke(Map.of(DocumentAnalysis.PATH, file.toString(), "analysis_type", "finance"));

    assertThat(result.path()).containsExactly("extract", "analyze", "combine", "summarize");
    assertThat(model.requests).hasSize(2); // one analysis, no combining, one summary
    assertThat(model.userTexts().get(0))
        .contains("(the whole document)")
        .contains("Analysis type: finance")
        .contains("Revenue grew 12% in Q3.\nChurn rose to 4%.");
    assertThat(model.userTexts().get(1)).contains("analysis of the whole document");
    assertThat(model.requests.get(1).responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
    assertThat(result.state().getString(DocumentAnalysis.ANALYSIS))
        .isEqualTo("analysis of the whole document");
    assertThat(summary(result))
        .isEqualTo(
            new ExecutiveSummary(
                "Revenue grew.",
                List.of("growth", "churn"),
                List.of("hire"),
                ExecutiveSummary.Priority.HIGH));
  }

  @Test
  void markdownBytesLoseTheirMarkupButNotTheirText() {
    String markdown =
        """
        ---
        title: Q3
        ---
        # Quarterly results

        Revenue **grew** by _12%_, see the [full report](https://example.com/q3).
        <!-- internal note -->
        > Churn is `4%` in table customer_accounts_v2.

        ```
        code stays
        ```
        """;
    RuleChatModel model = model(SUMMARY_JSON);
    Workflow analysis = DocumentAnalysis.builder().model(model).build();

    RunResult result =
        analysis.invoke(
            Map.of(
                DocumentAnalysis.BYTES,
                markdown.getBytes(StandardCharsets.UTF_8),
                DocumentAnalysis.MEDIA_TYPE,
                "text/markdown; charset=utf-8"));

    assertThat(result.state().getString(DocumentAnalysis.TEXT))
        .isEqualTo(
            """
            Quarterly results

            Revenue grew by 12%, see the full report (https://example.com/q3).

            Churn is 4% in table customer_accounts_v2.

            code stays""");
    assertThat(model.userTexts().get(0)).contains("Revenue grew by 12%, see the full report");
    assertThat(summary(result).priority()).isEqualTo(ExecutiveSummary.Priority.HIGH);
  }

  /**
   * Line i of page p as exactly 59 characters. A page of 12 lines is 719 characters; with the
   * budget of 1,000 each chunk ends at a page break (the blank line), and the next starts at the
   * first line within the 150-character overlap: the last two lines of the previous page.
   */
  private static String pdfLine(int page, int line) {
    return String.format("page %02d line %02d marker-%02d-%02d ", page, line, page, line)
        + "y".repeat(26);
  }

  @Test
  void aLongPdfIsAnalysedChunkByChunkThenCombinedAndSummarised() throws IOException {
    int pages = 5;
    List<String> lines = new ArrayList<>();
    for (int page = 0; page < pages; page++) {
      for (int line = 0; line < 12; line++) {
        lines.add(pdfLine(page, line));
      }
    }
    Path file = dir.resolve("report.pdf");
    Files.write(file, TestPdfs.lines(lines, 12));
    RuleChatModel model = model(SUMMARY_JSON);
    Workflow analysis =
        DocumentAnalysis.builder().model(model).maxChunkChars(1000).overlapChars(150).build();

    RunResult result = analysis.invoke(Map.of(DocumentAnalysis.PATH, file.toString()));

    List<String> chunkPrompts = prompts(model, "Analyze the following document content");
    assertThat(chunkPrompts).hasSize(pages);
    assertThat(result.state().getInt(DocumentAnalysis.CHUNK_COUNT)).isEqualTo(pages);
    for (int chunk = 0; chunk < pages; chunk++) {
      String prompt = chunkPrompts.get(chunk);
      assertThat(prompt).contains("(part " + (chunk + 1) + " of " + pages + " of the document)");
      for (int line = 0; line < 12; line++) {
        assertThat(prompt).contains(pdfLine(chunk, line)); // the chunk's own page, whole
      }
      if (chunk > 0) { // and the overlap: the previous page's last two lines, first
        assertThat(prompt)
            .contains(
                pdfLine(chunk - 1, 10) + "\n" + pdfLine(chunk - 1, 11) + "\n\n" + pdfLine(chunk, 0))
            .doesNotContain(pdfLine(chunk - 1, 9));
      }
    }
    for (String line : lines) { // every line reached the model
      assertThat(chunkPrompts).anySatisfy(prompt -> assertThat(prompt).contains(line));
    }
    assertThat(result.state().getList(DocumentAnalysis.CHUNK_ANALYSES, String.class))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, pages)
                .mapToObj(i -> "analysis of part " + i + " of " + pages + " of the document")
                .toList());
    List<String> combine = prompts(model, "Below are the analyses of 5 consecutive parts");
    assertThat(combine)
        .singleElement()
        .asString()
        .contains("Analysis of part 1:\nanalysis of part 1 of 5 of the document")
        .contains("Analysis of part 5:\nanalysis of part 5 of 5 of the document");
    assertThat(model.requests).hasSize(pages + 2);
    assertThat(model.userTexts().get(pages + 1)).contains("combined");
    assertThat(summary(result).keyFindings()).containsExactly("growth", "churn");
  }

  @Test
  void aRunRestoredFromItsCheckpointsAnalysesOnlyTheChunksNotYetDone() {
    String text =
        IntStream.range(0, 9)
            .mapToObj(i -> "Paragraph " + i + " " + "z".repeat(280))
            .collect(java.util.stream.Collectors.joining("\n\n"));
    RuleChatModel model = model(SUMMARY_JSON);
    Workflow analysis =
        DocumentAnalysis.builder().model(model).maxChunkChars(1000).overlapChars(0).build();
    InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    // Bytes as a checkpoint stores them: base64 text.
    Map<String, Object> input =
        Map.of(
            DocumentAnalysis.BYTES,
            Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
            DocumentAnalysis.MEDIA_TYPE,
            "text/plain");

    RunResult paused =
        analysis.invoke(
            input, RunOptions.builder().runId("doc-1").checkpointStore(store).maxNodes(2).build());
    assertThat(paused.status()).isEqualTo(RunResult.Status.PAUSED);
    assertThat(paused.path()).containsExactly("extract", "analyze");

    RunPosition position = analysis.restore("doc-1", store).orElseThrow();
    RunResult result =
        analysis.resume(
            position, Map.of(), RunOptions.builder().runId("doc-1").checkpointStore(store).build());

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    List<String> chunkPrompts = prompts(model, "Analyze the following document content");
    assertThat(chunkPrompts).hasSize(3); // three paragraphs a chunk, each chunk once
    for (int i = 0; i < 9; i++) {
      String paragraph = "Paragraph " + i + " ";
      assertThat(chunkPrompts.get(i / 3)).contains(paragraph);
    }
    assertThat(result.state().getList(DocumentAnalysis.CHUNK_ANALYSES, String.class))
        .containsExactly(
            "analysis of part 1 of 3 of the document",
            "analysis of part 2 of 3 of the document",
            "analysis of part 3 of 3 of the document");
    assertThat(summary(result).priority()).isEqualTo(ExecutiveSummary.Priority.HIGH);
  }

  @Test
  void analysesThatDoNotFitOneRequestAreCombinedInRounds() {
    // 20 paragraphs of 290 characters, one a chunk in a budget of 300. Each analysis entry takes
    // about 63 characters, so 4 fit a combine request: 5 groups, then one for their 5 results.
    String text =
        IntStream.range(0, 20)
            .mapToObj(i -> String.format("Paragraph %02d ", i) + "q".repeat(277))
            .collect(java.util.stream.Collectors.joining("\n\n"));
    RuleChatModel model = model(SUMMARY_JSON);
    Workflow analysis =
        DocumentAnalysis.builder().model(model).maxChunkChars(300).overlapChars(0).build();

    RunResult result =
        analysis.invoke(
            Map.of(
                DocumentAnalysis.BYTES,
                text.getBytes(StandardCharsets.UTF_8),
                DocumentAnalysis.MEDIA_TYPE,
                "text/plain"));

    assertThat(prompts(model, "Analyze the following document content")).hasSize(20);
    List<String> combines = prompts(model, "Below are the analyses of");
    assertThat(combines).hasSize(6);
    for (int group = 0; group < 5; group++) {
      assertThat(combines.get(group)).startsWith("Below are the analyses of 4 consecutive parts");
      for (int part = 4 * group + 1; part <= 4 * group + 4; part++) {
        assertThat(combines.get(group))
            .contains("Analysis of part " + part + ":\nanalysis of part " + part + " of 20");
      }
    }
    assertThat(combines.get(5))
        .startsWith("Below are the analyses of 5 consecutive parts")
        .contains("Analysis of parts 1-4:\ncombined 4")
        .contains("Analysis of parts 17-20:\ncombined 4");
    assertThat(result.state().getString(DocumentAnalysis.ANALYSIS)).isEqualTo("combined 5");
    assertThat(summary(result).priority()).isEqualTo(ExecutiveSummary.Priority.HIGH);
  }

  @Test
  void aBrokenPdfFailsTheExtractStepWithADocumentException() throws IOException {
    Path file = dir.resolve("broken.pdf");
    Files.write(
        file, "%PDF-1.7\n1 0 obj << /Type /Catalog broken".getBytes(StandardCharsets.US_ASCII));
    RuleChatModel model = model(SUMMARY_JSON);
    Workflow analysis = DocumentAnalysis.builder().model(model).build();

    assertThatThrownBy(() -> analysis.invoke(Map.of(DocumentAnalysis.PATH, file.toString())))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class,
            e -> {
              assertThat(e.nodeId()).contains("extract");
              assertThat(e.getCause())
                  .isInstanceOfSatisfying(
                      DocumentException.class,
                      bad -> {
                        assertThat(bad.problem()).isEqualTo(Problem.MALFORMED);
                        assertThat(bad.source()).isEqualTo(file.toString());
                        assertThat(bad.getMessage()).contains("is not a readable PDF");
                      });
            });
    assertThat(model.requests).isEmpty();
  }

  @Test
  void anEncryptedPdfSaysSo() throws IOException {
    byte[] pdf = TestPdfs.encrypted(List.of("secret plans"));
    Workflow analysis = DocumentAnalysis.builder().model(model(SUMMARY_JSON)).build();

    assertThat(problemOf(analysis, Map.of(DocumentAnalysis.BYTES, pdf)))
        .isEqualTo(Problem.ENCRYPTED);
  }

  @Test
  void unknownTypesMissingFilesAndEmptyDocumentsSayWhatIsWrong() throws IOException {
    Workflow analysis =
        DocumentAnalysis.builder().model(model(SUMMARY_JSON)).maxDocumentBytes(100).build();
    Path sheet = Files.write(dir.resolve("data.xlsx"), new byte[] {1, 2, 3});
    Path empty = Files.writeString(dir.resolve("empty.md"), "  \n\n ");
    Path big = Files.writeString(dir.resolve("big.txt"), "x".repeat(101));

    assertThat(problemOf(analysis, Map.of(DocumentAnalysis.PATH, sheet.toString())))
        .isEqualTo(Problem.UNSUPPORTED_TYPE);
    assertThat(
            problemOf(
                analysis,
                Map.of(
                    DocumentAnalysis.BYTES,
                    new byte[] {1},
                    DocumentAnalysis.MEDIA_TYPE,
                    "image/png")))
        .isEqualTo(Problem.UNSUPPORTED_TYPE);
    assertThat(
            problemOf(analysis, Map.of(DocumentAnalysis.PATH, dir.resolve("gone.txt").toString())))
        .isEqualTo(Problem.UNREADABLE);
    assertThat(problemOf(analysis, Map.of("other", "x"))).isEqualTo(Problem.UNREADABLE);
    assertThat(problemOf(analysis, Map.of(DocumentAnalysis.BYTES, List.of(1, 2))))
        .isEqualTo(Problem.UNREADABLE);
    assertThat(problemOf(analysis, Map.of(DocumentAnalysis.BYTES, "not base64!")))
        .isEqualTo(Problem.MALFORMED);
    assertThat(problemOf(analysis, Map.of(DocumentAnalysis.PATH, empty.toString())))
        .isEqualTo(Problem.NO_TEXT);
    assertThat(problemOf(analysis, Map.of(DocumentAnalysis.PATH, big.toString())))
        .isEqualTo(Problem.TOO_LARGE);
  }

  private static Problem problemOf(Workflow analysis, Map<String, ?> input) {
    try {
      analysis.invoke(input);
    } catch (WorkflowExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(DocumentException.class);
      assertThat(e.getCause().getMessage()).isNotBlank();
      return ((DocumentException) e.getCause()).problem();
    }
    throw new AssertionError("the run did not fail");
  }

  @Test
  void anInvalidSummaryIsSentBackOnceWithItsProblems() {
    RuleChatModel model =
        model("{\"summary\": \"Revenue grew.\", \"priority\": \"urgent\"}", SUMMARY_JSON);
    Workflow analysis = DocumentAnalysis.builder().model(model).build();

    RunResult result =
        analysis.invoke(
            Map.of(
                DocumentAnalysis.BYTES,
                "Q3 was good.".getBytes(StandardCharsets.UTF_8),
                DocumentAnalysis.MEDIA_TYPE,
                "text/plain"));

    assertThat(summary(result).summary()).isEqualTo("Revenue grew.");
    ChatRequest repair = model.requests.get(2);
    assertThat(repair.messages()).hasSize(3);
    assertThat(RuleChatModel.lastUserText(repair))
        .contains("\"key_findings\" is missing or not a non-empty array of strings")
        .contains("\"recommendations\" is missing")
        .contains("\"priority\" is 'urgent', not one of HIGH, MEDIUM, LOW")
        .contains("Answer again with JSON only");
  }

  @Test
  void aSummaryInvalidTwiceFailsWithAMalformedAnswerException() {
    RuleChatModel model = model("The document is fine.", "{\"summary\": \"\"}");
    Workflow analysis = DocumentAnalysis.builder().model(model).build();

    assertThatThrownBy(
            () ->
                analysis.invoke(
                    Map.of(
                        DocumentAnalysis.BYTES,
                        "Q3 was good.".getBytes(StandardCharsets.UTF_8),
                        DocumentAnalysis.MEDIA_TYPE,
                        "text/plain")))
        .isInstanceOfSatisfying(
            WorkflowExecutionException.class,
            e -> {
              assertThat(e.nodeId()).contains("summarize");
              assertThat(e.getCause())
                  .isInstanceOfSatisfying(
                      MalformedAnswerException.class,
                      bad -> {
                        assertThat(bad.answer()).isEqualTo("{\"summary\": \"\"}");
                        assertThat(bad.problems())
                            .contains("\"summary\" is missing or empty", "\"priority\" is missing");
                        assertThat(bad.isRetriable()).isTrue();
                      });
            });
    assertThat(RuleChatModel.lastUserText(model.requests.get(2)))
        .contains("the answer holds no JSON object");
  }

  @Test
  void overriddenPromptsAreTheOnesSent() {
    RuleChatModel model = new RuleChatModel(request -> SUMMARY_JSON);
    Workflow analysis =
        DocumentAnalysis.builder()
            .model(model)
            .chunkPrompt("Read {{ part }}: {{text}}")
            .summaryPrompt("Summarise as JSON: {{analysis}}")
            .build();

    analysis.invoke(
        Map.of(
            DocumentAnalysis.BYTES,
            "Hello.".getBytes(StandardCharsets.UTF_8),
            DocumentAnalysis.MEDIA_TYPE,
            "text/plain"));

    assertThat(model.userTexts())
        .containsExactly("Read the whole document: Hello.", "Summarise as JSON: " + SUMMARY_JSON);
  }

  @Test
  void theBuilderRefusesBadSettingsAtOnce() {
    DocumentAnalysisBuilder builder = DocumentAnalysis.builder();
    assertThatThrownBy(() -> builder.overlapChars(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxChunkChars(100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.chunkPrompt("Analyse this document."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{{text}}");
    assertThatThrownBy(() -> builder.summaryPrompt("{{analysis}} {{text}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[text]");
    assertThat(builder.maxChunkTokens(500)).isSameAs(builder);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model(chatModel)");
    builder.model(model(SUMMARY_JSON)).maxChunkChars(1000).overlapChars(500);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("overlapChars (500) must be less than half of maxChunkChars (1000)");
    assertThat(builder.overlapChars(499).build()).isNotNull();
  }
}
