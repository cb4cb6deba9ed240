package dev.workflowengine.ollama.langchain4j;

import static dev.workflowengine.ollama.MockOllama.body;
import static dev.workflowengine.ollama.MockOllama.json;
import static dev.workflowengine.ollama.MockOllama.jsonTranscript;
import static dev.workflowengine.ollama.MockOllama.modelNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingInputType;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.request.EmbeddingRequestParameters;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.workflowengine.ollama.ModelNotFoundException;
import dev.workflowengine.ollama.OllamaModels;
import dev.workflowengine.ollama.OllamaServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingModelAdapterTest extends OllamaServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void embedsABatchInOneRequestWithTheProfilesOptions() throws Exception {
    server.enqueue(jsonTranscript("embed.json"));
    EmbeddingModel model = OllamaModels.builder(client).build().embeddingModel("embedding");

    Response<List<Embedding>> response =
        model.embedAll(
            List.of(
                TextSegment.from("alpha"), TextSegment.from("beta"), TextSegment.from("gamma")));

    assertThat(response.content()).hasSize(3);
    assertThat(response.content().get(0).vector())
        .containsExactly(0.010071029f, -0.0017594862f, 0.05007221f, 0.04692972f);
    assertThat(response.content().get(2).vector())
        .containsExactly(0.03182729f, -0.04526311f, 0.0071929134f, 0.015818706f);
    assertThat(response.tokenUsage()).isEqualTo(new TokenUsage(12));
    assertThat(model.modelName()).isEqualTo("nomic-embed-text");
    assertThat(body(server.takeRequest()))
        .isEqualTo(
            JSON.readTree(
                "{\"model\":\"nomic-embed-text\",\"input\":[\"alpha\",\"beta\",\"gamma\"],"
                    + "\"options\":{\"num_ctx\":2048}}"));
  }

  @Test
  void perCallModelAndDimensionsAreSentAndInputTypeIsRefused() throws Exception {
    server.enqueue(jsonTranscript("embed.json"));
    EmbeddingModel model = OllamaClientEmbeddingModel.builder(client).modelName("m").build();

    EmbeddingResponse response =
        model.embed(
            EmbeddingRequest.builder()
                .inputs("a", "b", "c")
                .parameters(
                    EmbeddingRequestParameters.builder()
                        .modelName("qwen3-embedding:0.6b")
                        .dimensions(4)
                        .build())
                .build());

    assertThat(response.embeddings()).hasSize(3);
    assertThat(response.modelName()).isEqualTo("nomic-embed-text");
    var sent = body(server.takeRequest());
    assertThat(sent.get("model").asText()).isEqualTo("qwen3-embedding:0.6b");
    assertThat(sent.get("dimensions").asInt()).isEqualTo(4);
    assertThatThrownBy(
            () ->
                model.embed(
                    EmbeddingRequest.builder()
                        .input("a")
                        .parameters(
                            EmbeddingRequestParameters.builder()
                                .inputType(EmbeddingInputType.QUERY)
                                .build())
                        .build()))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("inputType");
  }

  @Test
  void theDimensionIsTheConfiguredOneOrMeasuredOnce() {
    assertThat(
            OllamaClientEmbeddingModel.builder(client)
                .modelName("m")
                .dimensions(256)
                .build()
                .dimension())
        .isEqualTo(256);
    server.enqueue(json(200, "{\"model\":\"m\",\"embeddings\":[[0.1,0.2,0.3]]}"));
    EmbeddingModel measured = OllamaClientEmbeddingModel.builder(client).modelName("m").build();

    assertThat(measured.dimension()).isEqualTo(3);
    assertThat(measured.dimension()).isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aMissingModelIsTheClientsTypedException() {
    server.enqueue(modelNotFound("nomic-embed-text"));
    EmbeddingModel model = OllamaModels.builder(client).build().embeddingModel("embedding");

    assertThatThrownBy(() -> model.embed("x"))
        .isInstanceOfSatisfying(
            ModelNotFoundException.class, e -> assertThat(e.model()).isEqualTo("nomic-embed-text"));
  }
}
