package dev.workflowengine.core.patterns;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.workflowengine.core.NodeAction;
import dev.workflowengine.core.WorkflowState;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first three steps of a document analysis: extract the text, analyse it one chunk per step (so
 * a recovered run does not analyse the chunks it has already done), combine the analyses.
 */
final class DocumentNodes {

  private static final Logger log = LoggerFactory.getLogger(DocumentNodes.class);

  private final ChatModel model;
  private final Chunker chunker;
  private final long maxBytes;
  private final PromptTemplate chunkPrompt;
  private final Combiner combiner;

  DocumentNodes(
      ChatModel model,
      Chunker chunker,
      long maxBytes,
      PromptTemplate chunkPrompt,
      PromptTemplate combinePrompt) {
    this.model = model;
    this.chunker = chunker;
    this.maxBytes = maxBytes;
    this.chunkPrompt = chunkPrompt;
    this.combiner = new Combiner(combinePrompt, chunker.maxChars());
  }

  NodeAction extract() {
    return state -> {
      DocumentInput input = DocumentInput.read(state, maxBytes);
      String text = DocumentText.extract(input);
      List<Integer> spans = chunker.spans(text);
      log.debug(
          "Document {} ({}): {} characters in {} chunks",
          input.source(),
          input.mediaType(),
          text.length(),
          spans.size() / 2);
      return Map.of(
          DocumentAnalysis.TEXT,
          text,
          DocumentAnalysis.CHUNK_SPANS,
          spans,
          DocumentAnalysis.CHUNK_COUNT,
          spans.size() / 2);
    };
  }

  NodeAction analyzeChunk() {
    return state -> {
      List<Integer> spans = state.getList(DocumentAnalysis.CHUNK_SPANS, Integer.class);
      int count = spans.size() / 2;
      int index = analyses(state).size();
      String part =
          count == 1
              ? "the whole document"
              : "part " + (index + 1) + " of " + count + " of the document";
      String prompt =
          chunkPrompt.render(
              Map.of(
                  "text", Chunker.chunk(state.getString(DocumentAnalysis.TEXT), spans, index),
                  "part", part,
                  "analysis_type", analysisType(state)));
      String analysis = ask(prompt, "the analysis of " + part);
      return Map.of(DocumentAnalysis.CHUNK_ANALYSES, analysis.strip());
    };
  }

  /** After a chunk: the next chunk, or combining once every chunk has its analysis. */
  static String afterChunk(WorkflowState state) {
    return analyses(state).size() < state.getInt(DocumentAnalysis.CHUNK_COUNT)
        ? "analyze"
        : "combine";
  }

  NodeAction combine() {
    return state -> {
      String analysis =
          combiner.combine(
              analyses(state), analysisType(state), prompt -> ask(prompt, "the combined analysis"));
      return Map.of(DocumentAnalysis.ANALYSIS, analysis);
    };
  }

  private String ask(String prompt, String what) {
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();
    return ModelCalls.text(model, request, what);
  }

  static String analysisType(WorkflowState state) {
    return state.getString(DocumentAnalysis.ANALYSIS_TYPE, "general");
  }

  private static List<String> analyses(WorkflowState state) {
    return state.has(DocumentAnalysis.CHUNK_ANALYSES)
        ? state.getList(DocumentAnalysis.CHUNK_ANALYSES, String.class)
        : List.of();
  }
}
