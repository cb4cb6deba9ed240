package dev.workflowengine.core.patterns;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.Reducers;
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
 * and each repeats up to {@link Builder#overlapChars} of the previous one. A document that fits is
 * analysed in one request and not combined. A document that cannot be read fails the {@code
 * extract} node with a {@link dev.workflowengine.api.DocumentException} saying what was wrong; an
 * executive summary that is not valid JSON is sent back once, then fails the {@code summarize} node
 * with a {@link MalformedAnswerException}.
 *
 * <p>This class only holds constants and the builder; the built {@link Workflow} is immutable and
 * thread-safe.
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

  /** The characters per token that {@link Builder#maxChunkTokens} assumes: English prose. */
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
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a document analysis {@link Workflow}. Each setter checks its argument at once; {@link
   * #build()} copies everything, so a builder can be reused.
   *
   * <pre>{@code
   * Workflow analysis = DocumentAnalysis.builder().model(model).maxChunkChars(6_000).build();
   * }</pre>
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {

    private String workflowId = "document-analysis";
    private ChatModel model;
    private int maxChunkChars = DEFAULT_MAX_CHUNK_CHARS;
    private int overlapChars = -1; // unset: a twentieth of the chunk budget
    private long maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
    private PromptTemplate chunkPrompt =
        PromptTemplate.of("chunkPrompt", DEFAULT_CHUNK_PROMPT, CHUNK_PLACEHOLDERS);
    private PromptTemplate combinePrompt =
        PromptTemplate.of("combinePrompt", DEFAULT_COMBINE_PROMPT, COMBINE_PLACEHOLDERS);
    private PromptTemplate summaryPrompt =
        PromptTemplate.of("summaryPrompt", DEFAULT_SUMMARY_PROMPT, SUMMARY_PLACEHOLDERS);

    private Builder() {}

    /**
     * Sets the workflow id. Default {@code document-analysis}.
     *
     * @param id the id
     * @return this builder
     */
    public Builder workflowId(String id) {
      this.workflowId = requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets the model that analyses, combines and summarises. Required.
     *
     * @param chatModel the model
     * @return this builder
     */
    public Builder model(ChatModel chatModel) {
      this.model = requireNonNull(chatModel, "chatModel");
      return this;
    }

    /**
     * Sets the most document characters one request carries; longer texts are chunked. Default
     * {@value #DEFAULT_MAX_CHUNK_CHARS}. The prompt around the text comes on top.
     *
     * @param characters at least 200
     * @return this builder
     * @throws IllegalArgumentException if smaller
     */
    public Builder maxChunkChars(int characters) {
      if (characters < 200) {
        throw new IllegalArgumentException("maxChunkChars must be >= 200 but was " + characters);
      }
      this.maxChunkChars = characters;
      return this;
    }

    /**
     * Sets the chunk budget in estimated tokens, at {@value #CHARS_PER_TOKEN} characters a token;
     * the same as {@code maxChunkChars(tokens * 4)}.
     *
     * @param tokens at least 50
     * @return this builder
     */
    public Builder maxChunkTokens(int tokens) {
      if (tokens < 50 || tokens > Integer.MAX_VALUE / CHARS_PER_TOKEN) {
        throw new IllegalArgumentException("maxChunkTokens must be >= 50 but was " + tokens);
      }
      return maxChunkChars(tokens * CHARS_PER_TOKEN);
    }

    /**
     * Sets how many characters a chunk may repeat from the end of the previous one. Default a
     * twentieth of the chunk budget (400 of 8,000); 0 for none.
     *
     * @param characters at least 0, and less than half of the chunk budget when built
     * @return this builder
     */
    public Builder overlapChars(int characters) {
      if (characters < 0) {
        throw new IllegalArgumentException("overlapChars must be >= 0 but was " + characters);
      }
      this.overlapChars = characters;
      return this;
    }

    /**
     * Sets the largest document accepted. Default 50 MiB.
     *
     * @param bytes at least 1
     * @return this builder
     */
    public Builder maxDocumentBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxDocumentBytes must be >= 1 but was " + bytes);
      }
      this.maxDocumentBytes = bytes;
      return this;
    }

    /**
     * Replaces the prompt for one chunk; see {@link #DEFAULT_CHUNK_PROMPT}.
     *
     * @param prompt the prompt; it should use {@code {{text}}}
     * @return this builder
     * @throws IllegalArgumentException if blank, using an unknown placeholder or not {@code
     *     {{text}}}
     */
    public Builder chunkPrompt(String prompt) {
      PromptTemplate template = PromptTemplate.of("chunkPrompt", prompt, CHUNK_PLACEHOLDERS);
      if (!prompt.replace(" ", "").contains("{{text}}")) {
        throw new IllegalArgumentException("chunkPrompt must use {{text}}, the chunk's text");
      }
      this.chunkPrompt = template;
      return this;
    }

    /**
     * Replaces the prompt that combines chunk analyses; see {@link #DEFAULT_COMBINE_PROMPT}.
     *
     * @param prompt the prompt
     * @return this builder
     * @throws IllegalArgumentException if blank or using an unknown placeholder
     */
    public Builder combinePrompt(String prompt) {
      this.combinePrompt = PromptTemplate.of("combinePrompt", prompt, COMBINE_PLACEHOLDERS);
      return this;
    }

    /**
     * Replaces the prompt of the executive summary; see {@link #DEFAULT_SUMMARY_PROMPT}.
     *
     * @param prompt the prompt
     * @return this builder
     * @throws IllegalArgumentException if blank or using an unknown placeholder
     */
    public Builder summaryPrompt(String prompt) {
      this.summaryPrompt = PromptTemplate.of("summaryPrompt", prompt, SUMMARY_PLACEHOLDERS);
      return this;
    }

    /**
     * Builds the workflow.
     *
     * @return the workflow; immutable and thread-safe
     * @throws IllegalStateException if no model was set, or the overlap is half the chunk budget or
     *     more
     */
    public Workflow build() {
      if (model == null) {
        throw new IllegalStateException("set the model with model(chatModel) before build()");
      }
      int overlap = overlapChars < 0 ? maxChunkChars / DEFAULT_OVERLAP_DIVISOR : overlapChars;
      if (overlap * 2 >= maxChunkChars) {
        throw new IllegalStateException(
            "overlapChars ("
                + overlap
                + ") must be less than half of maxChunkChars ("
                + maxChunkChars
                + "), so that each chunk moves on by more than it repeats");
      }
      DocumentNodes nodes =
          new DocumentNodes(
              model,
              new Chunker(maxChunkChars, overlap),
              maxDocumentBytes,
              chunkPrompt,
              combinePrompt);
      return Workflow.builder(workflowId)
          .description("Extracts a document's text, analyses it in chunks, then summarises it")
          .reducer(CHUNK_ANALYSES, Reducers.append())
          .node("extract", nodes.extract())
          .node("analyze", nodes.analyzeChunk())
          .node("combine", nodes.combine())
          .node("summarize", new ExecutiveSummaryNode(model, summaryPrompt))
          .start("extract")
          .edge("extract", "analyze")
          .route("analyze", DocumentNodes::afterChunk, "analyze", "combine")
          .edge("combine", "summarize")
          .edge("summarize", Workflow.END)
          // One step per chunk: the default cap of 10,000 steps would stop a very long document.
          .maxSteps(Integer.MAX_VALUE)
          .build();
    }
  }
}
