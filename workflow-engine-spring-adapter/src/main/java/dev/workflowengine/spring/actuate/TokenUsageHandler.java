package dev.workflowengine.spring.actuate;

import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the tokens of each chat as {@code gen_ai.client.token.usage}, tagged with the
 * observation's low-cardinality keys and {@code gen_ai.token.type} ({@code input} or {@code
 * output}). A distribution summary, as the convention defines a histogram: its total is the tokens
 * used, its count the calls, and it shows how large single calls get, which a counter would not.
 */
final class TokenUsageHandler implements ObservationHandler<ChatObservationContext> {

  static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  static final String TOKEN_TYPE = "gen_ai.token.type";

  private final MeterRegistry registry;

  TokenUsageHandler(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onStop(ChatObservationContext context) {
    TokenUsage usage = context.tokenUsage().orElse(null);
    if (usage == null) {
      return;
    }
    Tags tags = Tags.of(tags(context));
    record(tags, "input", usage.inputTokenCount());
    record(tags, "output", usage.outputTokenCount());
  }

  private void record(Tags tags, String type, Integer tokens) {
    if (tokens == null) {
      return;
    }
    DistributionSummary.builder(TOKEN_USAGE)
        .description("Tokens used by a chat call, by type")
        .tags(tags)
        .tag(TOKEN_TYPE, type)
        .register(registry)
        .record(tokens);
  }

  private static List<Tag> tags(Observation.Context context) {
    List<Tag> tags = new ArrayList<>();
    for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
      tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
    }
    return tags;
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof ChatObservationContext;
  }
}
