package dev.workflowengine.ollama;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Model options for one request, sent as Ollama's {@code options}: only the ones set are sent, so
 * everything else keeps the model's own defaults (from its Modelfile). Every option Ollama
 * documents has a typed accessor; {@link Builder#option(String, Object)} sets any of them by its
 * wire name and passes options Ollama adds later through unchanged ({@link #extra()}). Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * Options options = Options.builder().temperature(0.2).numCtx(8192).stop("\n\n").build();
 * Options fromJson = Options.fromMap(Map.of("temperature", 0.7, "top_p", 0.9));
 * }</pre>
 *
 * @param numKeep tokens of the prompt kept when the context shifts ({@code num_keep})
 * @param seed random seed, for reproducible answers ({@code seed})
 * @param numPredict most tokens to generate; -1 unlimited, -2 until the context is full
 * @param topK sample only from the K likeliest tokens ({@code top_k})
 * @param topP nucleus sampling threshold, 0 to 1 ({@code top_p})
 * @param minP least probability relative to the likeliest token, 0 to 1 ({@code min_p})
 * @param typicalP locally typical sampling threshold, 0 to 1 ({@code typical_p})
 * @param repeatLastN how far back repetition is penalised; -1 the whole context ({@code
 *     repeat_last_n})
 * @param temperature randomness; 0 is greedy ({@code temperature})
 * @param repeatPenalty penalty for repeated tokens ({@code repeat_penalty})
 * @param presencePenalty penalty for tokens already present ({@code presence_penalty})
 * @param frequencyPenalty penalty growing with each repetition ({@code frequency_penalty})
 * @param mirostat Mirostat sampling: 0 off, 1 or 2 ({@code mirostat})
 * @param mirostatTau Mirostat target entropy ({@code mirostat_tau})
 * @param mirostatEta Mirostat learning rate ({@code mirostat_eta})
 * @param penalizeNewline whether newlines are penalised like other tokens ({@code
 *     penalize_newline})
 * @param stop sequences that end the answer ({@code stop}); empty when not set
 * @param numa NUMA-aware loading ({@code numa})
 * @param numCtx context window in tokens ({@code num_ctx})
 * @param numBatch prompt batch size ({@code num_batch})
 * @param numGpu layers offloaded to the GPU; -1 lets Ollama decide ({@code num_gpu})
 * @param mainGpu the GPU for small tensors ({@code main_gpu})
 * @param lowVram trade speed for less VRAM ({@code low_vram})
 * @param vocabOnly load only the vocabulary ({@code vocab_only})
 * @param useMmap memory-map the model file ({@code use_mmap})
 * @param useMlock lock the model in RAM ({@code use_mlock})
 * @param numThread CPU threads; 0 lets Ollama decide ({@code num_thread})
 * @param extra options without a typed accessor, by wire name, sent as given
 */
public record Options(
    OptionalInt numKeep,
    OptionalLong seed,
    OptionalInt numPredict,
    OptionalInt topK,
    OptionalDouble topP,
    OptionalDouble minP,
    OptionalDouble typicalP,
    OptionalInt repeatLastN,
    OptionalDouble temperature,
    OptionalDouble repeatPenalty,
    OptionalDouble presencePenalty,
    OptionalDouble frequencyPenalty,
    OptionalInt mirostat,
    OptionalDouble mirostatTau,
    OptionalDouble mirostatEta,
    Optional<Boolean> penalizeNewline,
    List<String> stop,
    Optional<Boolean> numa,
    OptionalInt numCtx,
    OptionalInt numBatch,
    OptionalInt numGpu,
    OptionalInt mainGpu,
    Optional<Boolean> lowVram,
    Optional<Boolean> vocabOnly,
    Optional<Boolean> useMmap,
    Optional<Boolean> useMlock,
    OptionalInt numThread,
    Map<String, Object> extra) {

  /** No options: the model's defaults for everything. */
  public static final Options NONE = builder().build();

  /** Validates the components with the same ranges as the {@link Builder}. */
  public Options {
    OptionSpec.NUM_KEEP.check(numKeep);
    Objects.requireNonNull(seed, "seed is null; use OptionalLong.empty()");
    OptionSpec.NUM_PREDICT.check(numPredict);
    OptionSpec.TOP_K.check(topK);
    OptionSpec.TOP_P.check(topP);
    OptionSpec.MIN_P.check(minP);
    OptionSpec.TYPICAL_P.check(typicalP);
    OptionSpec.REPEAT_LAST_N.check(repeatLastN);
    OptionSpec.TEMPERATURE.check(temperature);
    OptionSpec.REPEAT_PENALTY.check(repeatPenalty);
    OptionSpec.PRESENCE_PENALTY.check(presencePenalty);
    OptionSpec.FREQUENCY_PENALTY.check(frequencyPenalty);
    OptionSpec.MIROSTAT.check(mirostat);
    OptionSpec.MIROSTAT_TAU.check(mirostatTau);
    OptionSpec.MIROSTAT_ETA.check(mirostatEta);
    OptionSpec.NUM_CTX.check(numCtx);
    OptionSpec.NUM_BATCH.check(numBatch);
    OptionSpec.NUM_GPU.check(numGpu);
    OptionSpec.MAIN_GPU.check(mainGpu);
    OptionSpec.NUM_THREAD.check(numThread);
    stop = stop == null ? List.of() : Checks.copyList(stop, "stop");
    extra = extra == null ? Map.of() : JsonCopies.object(extra, "extra");
    penalizeNewline = Objects.requireNonNullElse(penalizeNewline, Optional.empty());
    numa = Objects.requireNonNullElse(numa, Optional.empty());
    lowVram = Objects.requireNonNullElse(lowVram, Optional.empty());
    vocabOnly = Objects.requireNonNullElse(vocabOnly, Optional.empty());
    useMmap = Objects.requireNonNullElse(useMmap, Optional.empty());
    useMlock = Objects.requireNonNullElse(useMlock, Optional.empty());
    for (String key : extra.keySet()) {
      if (OptionSpec.isKnown(key)) {
        throw new IllegalArgumentException(
            "option '" + key + "' has a typed component; set it there rather than in extra");
      }
    }
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads options by their wire names, as in a Modelfile or a JSON configuration file. Known
   * options are type-checked; unknown ones go to {@link #extra()}.
   *
   * @param options wire name to value
   * @return the options
   * @throws IllegalArgumentException naming the option whose value has the wrong type or range
   */
  public static Options fromMap(Map<String, ?> options) {
    Builder builder = builder();
    Objects.requireNonNull(options, "options").forEach(builder::option);
    return builder.build();
  }

  /**
   * The options that are set, by wire name, in Ollama's documented order, extras last: exactly what
   * is sent.
   *
   * @return an immutable map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    numKeep.ifPresent(v -> map.put("num_keep", v));
    seed.ifPresent(v -> map.put("seed", v));
    numPredict.ifPresent(v -> map.put("num_predict", v));
    topK.ifPresent(v -> map.put("top_k", v));
    topP.ifPresent(v -> map.put("top_p", v));
    minP.ifPresent(v -> map.put("min_p", v));
    typicalP.ifPresent(v -> map.put("typical_p", v));
    repeatLastN.ifPresent(v -> map.put("repeat_last_n", v));
    temperature.ifPresent(v -> map.put("temperature", v));
    repeatPenalty.ifPresent(v -> map.put("repeat_penalty", v));
    presencePenalty.ifPresent(v -> map.put("presence_penalty", v));
    frequencyPenalty.ifPresent(v -> map.put("frequency_penalty", v));
    mirostat.ifPresent(v -> map.put("mirostat", v));
    mirostatTau.ifPresent(v -> map.put("mirostat_tau", v));
    mirostatEta.ifPresent(v -> map.put("mirostat_eta", v));
    penalizeNewline.ifPresent(v -> map.put("penalize_newline", v));
    if (!stop.isEmpty()) {
      map.put("stop", stop);
    }
    numa.ifPresent(v -> map.put("numa", v));
    numCtx.ifPresent(v -> map.put("num_ctx", v));
    numBatch.ifPresent(v -> map.put("num_batch", v));
    numGpu.ifPresent(v -> map.put("num_gpu", v));
    mainGpu.ifPresent(v -> map.put("main_gpu", v));
    lowVram.ifPresent(v -> map.put("low_vram", v));
    vocabOnly.ifPresent(v -> map.put("vocab_only", v));
    useMmap.ifPresent(v -> map.put("use_mmap", v));
    useMlock.ifPresent(v -> map.put("use_mlock", v));
    numThread.ifPresent(v -> map.put("num_thread", v));
    map.putAll(extra);
    return Collections.unmodifiableMap(map);
  }

  /**
   * Whether no option is set.
   *
   * @return {@code true} when nothing would be sent
   */
  public boolean isEmpty() {
    return toMap().isEmpty();
  }

  /**
   * These options with {@code overrides} laid over them: every option set in {@code overrides}
   * wins. Useful to apply per-request options to a profile's defaults.
   *
   * @param overrides the options that win
   * @return the merged options
   */
  public Options merge(Options overrides) {
    Map<String, Object> merged = new LinkedHashMap<>(toMap());
    merged.putAll(Objects.requireNonNull(overrides, "overrides").toMap());
    return fromMap(merged);
  }

  /** Builds {@link Options}; every setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets an option by its wire name: a documented one is type- and range-checked as its typed
     * setter would, any other is passed to Ollama as given.
     *
     * @param name the wire name, such as {@code num_ctx}
     * @param value a JSON-shaped value; {@code null} removes the option
     * @return this builder
     */
    public Builder option(String name, Object value) {
      Checks.requireText(name, "name");
      if (value == null) {
        values.remove(name);
      } else {
        values.put(name, OptionSpec.check(name, value));
      }
      return this;
    }

    /**
     * Tokens of the prompt kept when the context shifts.
     *
     * @param numKeep -1 for all, or at least 0
     * @return this builder
     */
    public Builder numKeep(int numKeep) {
      return option("num_keep", numKeep);
    }

    /**
     * The random seed, for reproducible answers.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      return option("seed", seed);
    }

    /**
     * The most tokens to generate.
     *
     * @param numPredict -1 for no limit, -2 to fill the context, or at least 0
     * @return this builder
     */
    public Builder numPredict(int numPredict) {
      return option("num_predict", numPredict);
    }

    /**
     * Samples only from the K likeliest tokens.
     *
     * @param topK at least 0
     * @return this builder
     */
    public Builder topK(int topK) {
      return option("top_k", topK);
    }

    /**
     * Nucleus sampling threshold.
     *
     * @param topP from 0 to 1
     * @return this builder
     */
    public Builder topP(double topP) {
      return option("top_p", topP);
    }

    /**
     * Least probability of a token relative to the likeliest one.
     *
     * @param minP from 0 to 1
     * @return this builder
     */
    public Builder minP(double minP) {
      return option("min_p", minP);
    }

    /**
     * Locally typical sampling threshold.
     *
     * @param typicalP from 0 to 1
     * @return this builder
     */
    public Builder typicalP(double typicalP) {
      return option("typical_p", typicalP);
    }

    /**
     * How far back repetition is penalised.
     *
     * @param repeatLastN -1 for the whole context, 0 to disable, or more
     * @return this builder
     */
    public Builder repeatLastN(int repeatLastN) {
      return option("repeat_last_n", repeatLastN);
    }

    /**
     * Randomness of sampling.
     *
     * @param temperature at least 0; 0 is greedy
     * @return this builder
     */
    public Builder temperature(double temperature) {
      return option("temperature", temperature);
    }

    /**
     * Penalty for repeated tokens.
     *
     * @param repeatPenalty at least 0; 1 is neutral
     * @return this builder
     */
    public Builder repeatPenalty(double repeatPenalty) {
      return option("repeat_penalty", repeatPenalty);
    }

    /**
     * Penalty for tokens already present.
     *
     * @param presencePenalty a finite number
     * @return this builder
     */
    public Builder presencePenalty(double presencePenalty) {
      return option("presence_penalty", presencePenalty);
    }

    /**
     * Penalty growing with each repetition of a token.
     *
     * @param frequencyPenalty a finite number
     * @return this builder
     */
    public Builder frequencyPenalty(double frequencyPenalty) {
      return option("frequency_penalty", frequencyPenalty);
    }

    /**
     * Mirostat sampling.
     *
     * @param mirostat 0 off, 1 Mirostat, 2 Mirostat 2.0
     * @return this builder
     */
    public Builder mirostat(int mirostat) {
      return option("mirostat", mirostat);
    }

    /**
     * Mirostat target entropy.
     *
     * @param mirostatTau at least 0
     * @return this builder
     */
    public Builder mirostatTau(double mirostatTau) {
      return option("mirostat_tau", mirostatTau);
    }

    /**
     * Mirostat learning rate.
     *
     * @param mirostatEta at least 0
     * @return this builder
     */
    public Builder mirostatEta(double mirostatEta) {
      return option("mirostat_eta", mirostatEta);
    }

    /**
     * Whether newlines are penalised like other tokens.
     *
     * @param penalizeNewline the setting
     * @return this builder
     */
    public Builder penalizeNewline(boolean penalizeNewline) {
      return option("penalize_newline", penalizeNewline);
    }

    /**
     * Sequences that end the answer, replacing any set before.
     *
     * @param stop non-empty strings
     * @return this builder
     */
    public Builder stop(String... stop) {
      return stop(List.of(Objects.requireNonNull(stop, "stop")));
    }

    /**
     * Sequences that end the answer, replacing any set before.
     *
     * @param stop non-empty strings
     * @return this builder
     */
    public Builder stop(List<String> stop) {
      return option("stop", new ArrayList<>(Checks.copyList(stop, "stop")));
    }

    /**
     * NUMA-aware loading.
     *
     * @param numa the setting
     * @return this builder
     */
    public Builder numa(boolean numa) {
      return option("numa", numa);
    }

    /**
     * The context window in tokens.
     *
     * @param numCtx at least 1
     * @return this builder
     */
    public Builder numCtx(int numCtx) {
      return option("num_ctx", numCtx);
    }

    /**
     * The prompt batch size.
     *
     * @param numBatch at least 1
     * @return this builder
     */
    public Builder numBatch(int numBatch) {
      return option("num_batch", numBatch);
    }

    /**
     * Layers offloaded to the GPU.
     *
     * @param numGpu -1 lets Ollama decide, 0 runs on the CPU only
     * @return this builder
     */
    public Builder numGpu(int numGpu) {
      return option("num_gpu", numGpu);
    }

    /**
     * The GPU that holds small tensors.
     *
     * @param mainGpu at least 0
     * @return this builder
     */
    public Builder mainGpu(int mainGpu) {
      return option("main_gpu", mainGpu);
    }

    /**
     * Trades speed for less VRAM.
     *
     * @param lowVram the setting
     * @return this builder
     */
    public Builder lowVram(boolean lowVram) {
      return option("low_vram", lowVram);
    }

    /**
     * Loads only the vocabulary.
     *
     * @param vocabOnly the setting
     * @return this builder
     */
    public Builder vocabOnly(boolean vocabOnly) {
      return option("vocab_only", vocabOnly);
    }

    /**
     * Memory-maps the model file.
     *
     * @param useMmap the setting
     * @return this builder
     */
    public Builder useMmap(boolean useMmap) {
      return option("use_mmap", useMmap);
    }

    /**
     * Locks the model in RAM.
     *
     * @param useMlock the setting
     * @return this builder
     */
    public Builder useMlock(boolean useMlock) {
      return option("use_mlock", useMlock);
    }

    /**
     * CPU threads for generation.
     *
     * @param numThread 0 lets Ollama decide, or more
     * @return this builder
     */
    public Builder numThread(int numThread) {
      return option("num_thread", numThread);
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public Options build() {
      Map<String, Object> extra = new LinkedHashMap<>(values);
      extra.keySet().removeIf(OptionSpec::isKnown);
      @SuppressWarnings("unchecked")
      List<String> stop = (List<String>) values.getOrDefault("stop", List.of());
      return new Options(
          integer("num_keep"),
          values.containsKey("seed")
              ? OptionalLong.of((Long) values.get("seed"))
              : OptionalLong.empty(),
          integer("num_predict"),
          integer("top_k"),
          decimal("top_p"),
          decimal("min_p"),
          decimal("typical_p"),
          integer("repeat_last_n"),
          decimal("temperature"),
          decimal("repeat_penalty"),
          decimal("presence_penalty"),
          decimal("frequency_penalty"),
          integer("mirostat"),
          decimal("mirostat_tau"),
          decimal("mirostat_eta"),
          flag("penalize_newline"),
          stop,
          flag("numa"),
          integer("num_ctx"),
          integer("num_batch"),
          integer("num_gpu"),
          integer("main_gpu"),
          flag("low_vram"),
          flag("vocab_only"),
          flag("use_mmap"),
          flag("use_mlock"),
          integer("num_thread"),
          extra);
    }

    private OptionalInt integer(String name) {
      Object value = values.get(name);
      return value == null ? OptionalInt.empty() : OptionalInt.of((Integer) value);
    }

    private OptionalDouble decimal(String name) {
      Object value = values.get(name);
      return value == null ? OptionalDouble.empty() : OptionalDouble.of((Double) value);
    }

    private Optional<Boolean> flag(String name) {
      return Optional.ofNullable((Boolean) values.get(name));
    }
  }
}
