package dev.workflowengine.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbedTest extends OllamaServerTest {

  @Test
  void embedSendsTheInputsAndReadsOneVectorEach() throws Exception {
    server.enqueue(MockOllama.json("embed.json"));
    EmbedRequest request =
        EmbedRequest.builder("all-minilm")
            .input("Why is the sky blue?")
            .input("Why is the grass green?")
            .truncate(false)
            .dimensions(5)
            .build();

    EmbedResponse response = client.embed(request);

    assertThat(response.model()).isEqualTo("all-minilm");
    assertThat(response.embeddings()).hasSize(2);
    assertThat(response.embeddings().get(0).toArray())
        .containsExactly(0.010071029f, -0.0017594862f, 0.05007221f, 0.04692972f, 0.054916814f);
    assertThat(response.embeddings().get(1).dimension()).isEqualTo(5);
    assertThat(response.metrics().orElseThrow().promptEvalCount()).isEqualTo(8);
    assertThat(response.metrics().orElseThrow().totalDurationNanos()).isEqualTo(14143917L);
    assertThat(takeRequest().getBody().utf8())
        .isEqualTo(
            "{\"model\":\"all-minilm\",\"input\":[\"Why is the sky blue?\",\"Why is the grass"
                + " green?\"],\"truncate\":false,\"dimensions\":5}");
  }

  @Test
  void theLegacyEmbeddingsEndpointEmbedsOnePrompt() throws Exception {
    server.enqueue(MockOllama.json("embeddings.json"));

    Embedding embedding = client.embeddings(EmbeddingsRequest.of("nomic-embed-text", "hello"));

    assertThat(embedding.dimension()).isEqualTo(5);
    assertThat(embedding.get(0)).isEqualTo(0.5670403838157654f);
    assertThat(takeRequest().getBody().utf8())
        .isEqualTo("{\"model\":\"nomic-embed-text\",\"prompt\":\"hello\"}");
  }

  @Test
  void anEmbeddingIsAnImmutableValue() {
    float[] values = {1f, 2f, 3f};
    Embedding embedding = Embedding.of(values);
    values[0] = 9f;
    embedding.toArray()[1] = 9f;

    assertThat(embedding.toArray()).containsExactly(1f, 2f, 3f);
    assertThat(embedding).isEqualTo(Embedding.of(new float[] {1f, 2f, 3f}));
    assertThat(embedding).hasSameHashCodeAs(Embedding.of(new float[] {1f, 2f, 3f}));
    assertThat(embedding.toString()).isEqualTo("Embedding[dimension=3, values=[1.0, 2.0, 3.0]]");
  }
}
