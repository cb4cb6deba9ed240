package dev.workflowengine.core.patterns;

import dev.workflowengine.core.Workflow;
import java.util.Set;

/**
 * Analyses a document: extracts its text (plain text, Markdown or PDF), analyses it in chunks when
 * it exceeds the model's context budget, combines the chunk analyses, and ends with an {@link
 * ExecutiveSummary}: key findings, recommendations and a priority.
 *
 * <pre>{@code
 * Workflow analysis = DocumentAnalysis.builder()
 *     .model(ollama.chatModel("default"))
 *     .maxChunkTokens(2_000)        // or maxChunkChars; the text of one request
 *     .build();
 * RunResult result = analysis.invoke(Map.of(DocumentAnalysis.PATH, "reports/q3.pdf"));
 * ExecutiveSummary summary = result.state().get(DocumentAnalysis.SUMMARY, ExecutiveSummary.class);
 *
 * // Or bytes already in memory:
 * analysis.invoke(Map.of(DocumentAnalysis.BYTES, upload, DocumentAnalysis.MEDIA_TYPE, "text/markdown"));
 * }</pre>
 *
 * <p>The graph is {@code extract -> analyze (once per chunk) -> combine -> summarize}. The type
 * comes from {@link #MEDIA_TYPE} when given, else the file extension ({@code .txt}, {@code .md},
 * {@code .markdown}, {@code .pdf}), else the {@code %PDF-} signature. Chunks end at the best
 * boundary in the second half of their budget (blank line, then line break, sentence end, space)
 * and each repeats up to {@link DocumentAnalysisBuilder#overlapChars} of the previous one. A
 * document that fits is analysed in one request and not combined. A document that cannot be read
 * fails the {@code extract} node with a {@link dev.workflowengine.api.DocumentException} saying
 * what was wrong; an executive summary that is not valid JSON is sent back once, then fails the
 * {@code summarize} node with a {@link MalformedAnswerException}.
 *
 * <p>This class holds the state keys, the defaults and {@code builder()}; the built {@link
 * Workflow} is immutable and thread-safe.
 */
public final class DocumentAnalysis {

  /** Input: the document's file path (a string). Either this or {@link #BYTES}. */
  public static final String PATH = "path";

  /**
   * Input: the document's bytes (a {@code byte[]}, or base64 text). Either this or {@link #PATH}.
   */
  public static final String BYTES = "document_bytes";

  /**
   * Input: the media type, {@code text/plain}, {@code text/markdown} or {@code application/pdf};
   * optional with a path whose extension says it, and with PDF bytes.
   */
  public static final String MEDIA_TYPE = "media_type";

  /** Input: what to look for, such as "risk" or "legal"; optional, "general" by default. */
  public static final String ANALYSIS_TYPE = "analysis_type";

  /** The extracted text (a string). */
  public static final String TEXT = "document_text";

  /** Where each chunk of the text starts and ends: a list of ints, start, end, start, end … */
  public static final String CHUNK_SPANS = "chunk_spans";

  /** How many chunks the text was split into (an int). */
  public static final String CHUNK_COUNT = "chunk_count";

  /** The analysis of each chunk, in order (a list of strings, appended). */
  public static final String CHUNK_ANALYSES = "chunk_analyses";

  /** The analysis of the whole document: the only chunk's, or the combination of all (a string). */
  public static final String ANALYSIS = "analysis";

  /** The result: an {@link ExecutiveSummary}. */
  public static final String SUMMARY = "summary";

  /**
   * The default prompt for one chunk. Placeholders: {@code {{text}}}, {@code {{part}}} ("part 2 of
   * 5 of the document", or "the whole document") and {@code {{analysis_type}}}.
   */
  public static final String DEFAULT_CHUNK_PROMPT =
      """
      Analyze the following document content ({{part}}).
      Analysis type: {{analysis_type}}

      {{text}}

      Provide:
      1. Key themes and topics
      2. Important insights
      3. Action items or recommendations
      4. Summary of main points
      """;

  /**
   * The default prompt that combines chunk analyses. Placeholders: {@code {{analyses}}} (each
   * headed "Analysis of part n:", or "Analysis of parts n-m:" for an earlier combination), {@code
   * {{count}}} (how many there are) and {@code {{analysis_type}}}. When the analyses do not fit in
   * the chunk budget together, groups of them are combined first, then the results.
   */
  public static final String DEFAULT_COMBINE_PROMPT =
      """
      Below are the analyses of {{count}} consecutive parts of one document (analysis type: \
      {{analysis_type}}). Combine them into one analysis of those parts: merge repeated points, \
      keep every distinct insight and action item, and say which part each comes from when it \
      matters.

      {{analyses}}
      """;

  /**
   * The default prompt of the executive summary. Placeholders: {@code {{analysis}}} and {@code
   * {{analysis_type}}}. Whatever it says, the request also carries a JSON schema; keep asking for
   * the JSON shape.
   */
  public static final String DEFAULT_SUMMARY_PROMPT =
      """
      Based on the following analysis, create a concise executive summary:

      {{analysis}}

      Include:
      - Key findings (3-5 bullet points)
      - Recommendations (3-5 actions)
      - Priority level (HIGH, MEDIUM or LOW)

      Answer with JSON only, in this shape:
      {"summary": "...", "key_findings": ["..."], "recommendations": ["..."], "priority": "MEDIUM"}
      """;

  /** The default chunk budget in characters: about 2,000 tokens, within small models' context. */
  public static final int DEFAULT_MAX_CHUNK_CHARS = 8_000;

  /** The default overlap between consecutive chunks: this fraction of the chunk budget, 1/20. */
  public static final int DEFAULT_OVERLAP_DIVISOR = 20;

  /** The default largest document accepted, in bytes (50 MiB). */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;

  /**
   * The characters per token that {@link DocumentAnalysisBuilder#maxChunkTokens} assumes: English
   * prose.
   */
  public static final int CHARS_PER_TOKEN = 4;

  static final Set<String> CHUNK_PLACEHOLDERS = Set.of("text", "part", "analysis_type");
  static final Set<String> COMBINE_PLACEHOLDERS = Set.of("analyses", "count", "analysis_type");
  static final Set<String> SUMMARY_PLACEHOLDERS = Set.of("analysis", "analysis_type");

  private DocumentAnalysis() {}

  /**
   * Starts building a document analysis.
   *
   * @return a new builder; not thread-safe
   */
  public static DocumentAnalysisBuilder builder() {
    return new DocumentAnalysisBuilder();
  }
}
