package dev.workflowengine.spring.actuate;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import java.util.Locale;
import java.util.Map;

/**
 * Names chat observations after the OpenTelemetry GenAI semantic conventions, as Spring AI does:
 * the observation {@code gen_ai.client.operation}, contextual name {@code chat <model>}.
 *
 * <p>Every low-cardinality key is always present, with {@code none} for a value not known, because
 * a Prometheus registry rejects meters of one name whose tag keys differ. The provider goes out
 * under both {@code gen_ai.provider.name} (the current convention) and {@code gen_ai.system} (its
 * older name, which Spring AI and existing dashboards use).
 */
final class GenAiChatConvention implements ObservationConvention<ChatObservationContext> {

  static final String NAME = "gen_ai.client.operation";
  static final String OPERATION = "chat";

  static final String OPERATION_NAME = "gen_ai.operation.name";
  static final String PROVIDER_NAME = "gen_ai.provider.name";
  static final String SYSTEM = "gen_ai.system";
  static final String REQUEST_MODEL = "gen_ai.request.model";
  static final String RESPONSE_MODEL = "gen_ai.response.model";

  static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";
  static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
  static final String FINISH_REASONS = "gen_ai.response.finish_reasons";
  static final String RESPONSE_ID = "gen_ai.response.id";

  static final String NONE = KeyValue.NONE_VALUE;

  // The convention's well-known values where LangChain4j's provider has one; else its lower-case
  // name. Keyed by name so that a provider LangChain4j adds or drops never breaks the class.
  private static final Map<String, String> PROVIDERS =
      Map.ofEntries(
          Map.entry("OPEN_AI", "openai"),
          Map.entry("AZURE_OPEN_AI", "azure.ai.openai"),
          Map.entry("ANTHROPIC", "anthropic"),
          Map.entry("AMAZON_BEDROCK", "aws.bedrock"),
          Map.entry("GOOGLE_AI_GEMINI", "gcp.gemini"),
          Map.entry("GOOGLE_GENAI", "gcp.gen_ai"),
          Map.entry("GOOGLE_VERTEX_AI_GEMINI", "gcp.vertex_ai"),
          Map.entry("GOOGLE_VERTEX_AI_ANTHROPIC", "gcp.vertex_ai"),
          Map.entry("MICROSOFT_FOUNDRY", "azure.ai.inference"),
          Map.entry("MISTRAL_AI", "mistral_ai"),
          Map.entry("WATSONX", "ibm.watsonx.ai"),
          Map.entry("OLLAMA", "ollama"),
          Map.entry("OTHER", "_OTHER"));

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(ChatObservationContext context) {
    return context.requestModel().map(model -> OPERATION + " " + model).orElse(OPERATION);
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(ChatObservationContext context) {
    String provider = provider(context.provider());
    return KeyValues.of(
        KeyValue.of(OPERATION_NAME, OPERATION),
        KeyValue.of(PROVIDER_NAME, provider),
        KeyValue.of(SYSTEM, provider),
        KeyValue.of(REQUEST_MODEL, context.requestModel().orElse(NONE)),
        KeyValue.of(RESPONSE_MODEL, context.responseModel().orElse(NONE)));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(ChatObservationContext context) {
    KeyValues values = KeyValues.empty();
    ChatResponse response = context.response().orElse(null);
    if (response == null) {
      return values;
    }
    TokenUsage usage = response.tokenUsage();
    if (usage != null && usage.inputTokenCount() != null) {
      values = values.and(INPUT_TOKENS, String.valueOf(usage.inputTokenCount()));
    }
    if (usage != null && usage.outputTokenCount() != null) {
      values = values.and(OUTPUT_TOKENS, String.valueOf(usage.outputTokenCount()));
    }
    if (response.finishReason() != null) {
      values = values.and(FINISH_REASONS, response.finishReason().name().toLowerCase(Locale.ROOT));
    }
    if (response.id() != null) {
      values = values.and(RESPONSE_ID, response.id());
    }
    return values;
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof ChatObservationContext;
  }

  static String provider(ModelProvider provider) {
    if (provider == null) {
      return PROVIDERS.get("OTHER");
    }
    return PROVIDERS.getOrDefault(provider.name(), provider.name().toLowerCase(Locale.ROOT));
  }
}
