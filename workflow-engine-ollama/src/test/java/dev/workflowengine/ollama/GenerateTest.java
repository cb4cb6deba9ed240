package dev.workflowengine.ollama;

import static dev.workflowengine.ollama.MockOllama.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateTest extends OllamaServerTest {

  @Test
  void streamedGenerateDeliversTheCompletionAndTheFinalContext() throws Exception {
    server.enqueue(MockOllama.stream("generate-stream.ndjson"));
    GenerateRequest request =
        GenerateRequest.builder("codellama:code")
            .prompt("def compute_gcd(a, b):")
            .suffix("    return result")
            .options(Options.builder().temperature(0).build())
            .build();

    GenerateAccumulator completion = new GenerateAccumulator();
    List<String> pieces = new ArrayList<>();
    try (OllamaStream<GenerateResponse> stream = client.generateStream(request)) {
      for (GenerateResponse chunk : stream) {
        pieces.add(chunk.response());
        completion.add(chunk);
      }
    }

    assertThat(pieces).containsExactly("def", " gcd", "(a", ",", " b", "):", "");
    assertThat(completion.response()).isEqualTo("def gcd(a, b):");
    assertThat(completion.context()).containsExactly(1, 2, 3, 32000, 128256);
    assertThat(completion.doneReason()).contains("stop");
    assertThat(completion.metrics().orElseThrow().evalCount()).isEqualTo(6);
    assertThat(completion.toResponse().thinking()).isEmpty();
    assertThat(takeRequest().getBody().utf8())
        .isEqualTo(
            "{\"model\":\"codellama:code\",\"prompt\":\"def compute_gcd(a, b):\","
                + "\"suffix\":\"    return result\",\"options\":{\"temperature\":0.0},\"stream\":true}");
  }

  @Test
  void generateWithoutStreamingSendsEveryAdvancedField() throws Exception {
    server.enqueue(MockOllama.json("generate.json"));
    GenerateRequest request =
        GenerateRequest.builder("llama3.2")
            .prompt("[INST] why is the sky blue? [/INST]")
            .system("Be brief.")
            .template("{{ .Prompt }}")
            .context(List.of(1, 2, 3))
            .raw(true)
            .image(new byte[] {(byte) 0xff, 0x00})
            .format(Format.JSON)
            .think(Think.DISABLED)
            .keepAlive(KeepAlive.UNLOAD)
            .build();

    GenerateResponse response = client.generate(request);

    assertThat(response.response())
        .isEqualTo("The sky is blue because it is the color of the sky.");
    assertThat(response.context()).containsExactly(1, 2, 3);
    assertThat(response.metrics().orElseThrow().evalCount()).isEqualTo(290);
    JsonNode sent = body(takeRequest());
    assertThat(sent.toString())
        .isEqualTo(
            "{\"model\":\"llama3.2\",\"prompt\":\"[INST] why is the sky blue? [/INST]\","
                + "\"images\":[\"/wA=\"],\"format\":\"json\",\"system\":\"Be brief.\","
                + "\"template\":\"{{ .Prompt }}\",\"context\":[1,2,3],\"raw\":true,"
                + "\"think\":false,\"keep_alive\":0,\"stream\":false}");
  }

  @Test
  void streamedThinkingOfAGenerateIsKeptApart() {
    server.enqueue(
        MockOllama.streamLines(
            List.of(
                "{\"model\":\"qwen3\",\"created_at\":\"2025-06-03T09:12:44.1Z\",\"response\":\"\","
                    + "\"thinking\":\"Hmm\",\"done\":false}\n",
                "{\"model\":\"qwen3\",\"created_at\":\"2025-06-03T09:12:44.2Z\",\"response\":\"Blue\","
                    + "\"done\":false}\n",
                "{\"model\":\"qwen3\",\"created_at\":\"2025-06-03T09:12:44.3Z\",\"response\":\"\","
                    + "\"done\":true,\"done_reason\":\"stop\",\"eval_count\":2}\n")));

    GenerateAccumulator completion = new GenerateAccumulator();
    client.generateStream(GenerateRequest.of("qwen3", "Sky?")).stream().forEach(completion::add);

    assertThat(completion.thinking()).contains("Hmm");
    assertThat(completion.response()).isEqualTo("Blue");
    assertThat(completion.isDone()).isTrue();
  }
}
