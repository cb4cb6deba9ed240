package dev.workflowengine.core.patterns;

import static dev.workflowengine.core.patterns.DocumentAnalysis.CHARS_PER_TOKEN;
import static dev.workflowengine.core.patterns.DocumentAnalysis.CHUNK_ANALYSES;
import static dev.workflowengine.core.patterns.DocumentAnalysis.CHUNK_PLACEHOLDERS;
import static dev.workflowengine.core.patterns.DocumentAnalysis.COMBINE_PLACEHOLDERS;
import static dev.workflowengine.core.patterns.DocumentAnalysis.DEFAULT_CHUNK_PROMPT;
import static dev.workflowengine.core.patterns.DocumentAnalysis.DEFAULT_COMBINE_PROMPT;
import static dev.workflowengine.core.patterns.DocumentAnalysis.DEFAULT_MAX_CHUNK_CHARS;
import static dev.workflowengine.core.patterns.DocumentAnalysis.DEFAULT_MAX_DOCUMENT_BYTES;
import static dev.workflowengine.core.patterns.DocumentAnalysis.DEFAULT_OVERLAP_DIVISOR;
import static dev.workflowengine.core.patterns.DocumentAnalysis.DEFAULT_SUMMARY_PROMPT;
import static dev.workflowengine.core.patterns.DocumentAnalysis.SUMMARY_PLACEHOLDERS;
import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.workflowengine.core.Reducers;
import dev.workflowengine.core.Workflow;

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
public final class DocumentAnalysisBuilder {

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

  DocumentAnalysisBuilder() {}

  /**
   * Sets the workflow id. Default {@code document-analysis}.
   *
   * @param id the id
   * @return this builder
   */
  public DocumentAnalysisBuilder workflowId(String id) {
    this.workflowId = requireNonNull(id, "id");
    return this;
  }

  /**
   * Sets the model that analyses, combines and summarises. Required.
   *
   * @param chatModel the model
   * @return this builder
   */
  public DocumentAnalysisBuilder model(ChatModel chatModel) {
    this.model = requireNonNull(chatModel, "chatModel");
    return this;
  }

  /**
   * Sets the most document characters one request carries; longer texts are chunked. Default
   * {@value DocumentAnalysis#DEFAULT_MAX_CHUNK_CHARS}. The prompt around the text comes on top.
   *
   * @param characters at least 200
   * @return this builder
   * @throws IllegalArgumentException if smaller
   */
  public DocumentAnalysisBuilder maxChunkChars(int characters) {
    if (characters < 200) {
      throw new IllegalArgumentException("maxChunkChars must be >= 200 but was " + characters);
    }
    this.maxChunkChars = characters;
    return this;
  }

  /**
   * Sets the chunk budget in estimated tokens, at {@value DocumentAnalysis#CHARS_PER_TOKEN}
   * characters a token; the same as {@code maxChunkChars(tokens * 4)}.
   *
   * @param tokens at least 50
   * @return this builder
   */
  public DocumentAnalysisBuilder maxChunkTokens(int tokens) {
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
  public DocumentAnalysisBuilder overlapChars(int characters) {
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
  public DocumentAnalysisBuilder maxDocumentBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxDocumentBytes must be >= 1 but was " + bytes);
    }
    this.maxDocumentBytes = bytes;
    return this;
  }

  /**
   * Replaces the prompt for one chunk; see {@link DocumentAnalysis#DEFAULT_CHUNK_PROMPT}.
   *
   * @param prompt the prompt; it should use {@code {{text}}}
   * @return this builder
   * @throws IllegalArgumentException if blank, using an unknown placeholder or not {@code {{text}}}
   */
  public DocumentAnalysisBuilder chunkPrompt(String prompt) {
    PromptTemplate template = PromptTemplate.of("chunkPrompt", prompt, CHUNK_PLACEHOLDERS);
    if (!prompt.replace(" ", "").contains("{{text}}")) {
      throw new IllegalArgumentException("chunkPrompt must use {{text}}, the chunk's text");
    }
    this.chunkPrompt = template;
    return this;
  }

  /**
   * Replaces the prompt that combines chunk analyses; see {@link
   * DocumentAnalysis#DEFAULT_COMBINE_PROMPT}.
   *
   * @param prompt the prompt
   * @return this builder
   * @throws IllegalArgumentException if blank or using an unknown placeholder
   */
  public DocumentAnalysisBuilder combinePrompt(String prompt) {
    this.combinePrompt = PromptTemplate.of("combinePrompt", prompt, COMBINE_PLACEHOLDERS);
    return this;
  }

  /**
   * Replaces the prompt of the executive summary; see {@link
   * DocumentAnalysis#DEFAULT_SUMMARY_PROMPT}.
   *
   * @param prompt the prompt
   * @return this builder
   * @throws IllegalArgumentException if blank or using an unknown placeholder
   */
  public DocumentAnalysisBuilder summaryPrompt(String prompt) {
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
