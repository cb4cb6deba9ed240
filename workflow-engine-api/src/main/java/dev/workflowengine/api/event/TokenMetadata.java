package dev.workflowengine.api.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the final {@link Token} of a stream says about the whole answer.
 *
 * @param model the model that answered
 * @param tokensUsed the tokens the answer cost, prompt and output together
 * @param finishReason why the model stopped, for example {@code stop} or {@code length}
 */
public record TokenMetadata(
    @JsonProperty("model") String model,
    @JsonProperty("tokens_used") int tokensUsed,
    @JsonProperty("finish_reason") String finishReason) {

  /** Validates the components. */
  public TokenMetadata {
    requireNonNull(model, "model");
    requireNonNull(finishReason, "finishReason");
  }
}
