package dev.workflowengine.samples;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workflowengine.api.event.TokenMetadata;
import dev.workflowengine.api.event.TokenSink;
import dev.workflowengine.ollama.OllamaTokens;
import java.io.PrintStream;

/**
 * A chat whose answer is printed token by token as it arrives, then what the model said about it
 * (model, tokens used, finish reason).
 *
 * <pre>
 * mvn -q -pl samples -am compile exec:java -Dsample.main=dev.workflowengine.samples.StreamingChatSample \
 *     -Dexec.args="Explain durable workflows in two sentences"
 * </pre>
 */
public final class StreamingChatSample {

  static final String QUESTION = "Explain in two sentences why a workflow engine checkpoints.";

  private StreamingChatSample() {}

  /**
   * Runs the sample on its own.
   *
   * @param args the question, or none for the default one
   */
  public static void main(String[] args) {
    String question = args.length == 0 ? QUESTION : String.join(" ", args);
    try (SampleModels models = SampleModels.fromEnvironment(System.out)) {
      models.announce(System.out);
      run(System.out, models, question);
    }
  }

  static ChatResponse run(PrintStream out, SampleModels models, String question) {
    StreamingChatModel model =
        models.streaming(
            "A checkpoint after every step lets the engine resume a workflow where it stopped"
                + " when a process dies. Completed steps never run again, so no tool is called"
                + " twice by accident.");
    out.println("\n== 6. Streaming chat: \"" + question + "\"");
    out.print("   ");
    ChatResponse answer =
        OllamaTokens.stream(
            model,
            ChatRequest.builder().messages(UserMessage.from(question)).build(),
            new TokenSink() {
              @Override
              public void token(String chunk) {
                out.print(chunk); // as it arrives
                out.flush();
              }

              @Override
              public void finalToken(String chunk, TokenMetadata metadata) {
                out.println(chunk);
                out.println(
                    "   ["
                        + metadata.model()
                        + ", "
                        + metadata.tokensUsed()
                        + " tokens, "
                        + metadata.finishReason()
                        + "]");
              }
            });
    return answer;
  }
}
