package dev.workflowengine.ollama;

import java.util.Optional;

/**
 * What the client builder says about models by profile, applied when the client builds its {@link
 * OllamaModels}.
 *
 * @param profiles the profiles
 * @param pullStrategy the strategy overriding the profiles' own, if set
 * @param pullListener who hears pull progress
 */
record ModelSetup(
    ModelProfiles profiles, Optional<PullStrategy> pullStrategy, PullListener pullListener) {

  OllamaModels modelsOf(OllamaClient client) {
    OllamaModels.Builder builder =
        OllamaModels.builder(client).profiles(profiles).pullListener(pullListener);
    pullStrategy.ifPresent(builder::pullStrategy);
    return builder.build();
  }
}
