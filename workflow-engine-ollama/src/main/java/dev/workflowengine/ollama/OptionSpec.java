package dev.workflowengine.ollama;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The type and range of every option Ollama documents, so that {@link Options.Builder#option} and
 * the typed setters check values the same way and a profile file with a typo fails at load time.
 */
enum OptionSpec {
  NUM_KEEP("num_keep", Kind.INT, -1, Integer.MAX_VALUE),
  SEED("seed", Kind.LONG, Long.MIN_VALUE, Long.MAX_VALUE),
  NUM_PREDICT("num_predict", Kind.INT, -2, Integer.MAX_VALUE),
  TOP_K("top_k", Kind.INT, 0, Integer.MAX_VALUE),
  TOP_P("top_p", Kind.DOUBLE, 0, 1),
  MIN_P("min_p", Kind.DOUBLE, 0, 1),
  TYPICAL_P("typical_p", Kind.DOUBLE, 0, 1),
  REPEAT_LAST_N("repeat_last_n", Kind.INT, -1, Integer.MAX_VALUE),
  TEMPERATURE("temperature", Kind.DOUBLE, 0, Double.MAX_VALUE),
  REPEAT_PENALTY("repeat_penalty", Kind.DOUBLE, 0, Double.MAX_VALUE),
  PRESENCE_PENALTY("presence_penalty", Kind.DOUBLE, -Double.MAX_VALUE, Double.MAX_VALUE),
  FREQUENCY_PENALTY("frequency_penalty", Kind.DOUBLE, -Double.MAX_VALUE, Double.MAX_VALUE),
  MIROSTAT("mirostat", Kind.INT, 0, 2),
  MIROSTAT_TAU("mirostat_tau", Kind.DOUBLE, 0, Double.MAX_VALUE),
  MIROSTAT_ETA("mirostat_eta", Kind.DOUBLE, 0, Double.MAX_VALUE),
  PENALIZE_NEWLINE("penalize_newline", Kind.BOOLEAN, 0, 0),
  STOP("stop", Kind.STRINGS, 0, 0),
  NUMA("numa", Kind.BOOLEAN, 0, 0),
  NUM_CTX("num_ctx", Kind.INT, 1, Integer.MAX_VALUE),
  NUM_BATCH("num_batch", Kind.INT, 1, Integer.MAX_VALUE),
  NUM_GPU("num_gpu", Kind.INT, -1, Integer.MAX_VALUE),
  MAIN_GPU("main_gpu", Kind.INT, 0, Integer.MAX_VALUE),
  LOW_VRAM("low_vram", Kind.BOOLEAN, 0, 0),
  VOCAB_ONLY("vocab_only", Kind.BOOLEAN, 0, 0),
  USE_MMAP("use_mmap", Kind.BOOLEAN, 0, 0),
  USE_MLOCK("use_mlock", Kind.BOOLEAN, 0, 0),
  NUM_THREAD("num_thread", Kind.INT, 0, Integer.MAX_VALUE);

  private enum Kind {
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    STRINGS
  }

  private static final Map<String, OptionSpec> BY_NAME = byName();

  private final String wireName;
  private final Kind kind;
  private final double min;
  private final double max;

  OptionSpec(String wireName, Kind kind, double min, double max) {
    this.wireName = wireName;
    this.kind = kind;
    this.min = min;
    this.max = max;
  }

  /** Checks a component of {@link Options}; absent values need no check. */
  void check(java.util.OptionalInt value) {
    if (value == null) {
      throw new NullPointerException(wireName + " is null; use OptionalInt.empty()");
    }
    value.ifPresent(this::convert);
  }

  void check(java.util.OptionalDouble value) {
    if (value == null) {
      throw new NullPointerException(wireName + " is null; use OptionalDouble.empty()");
    }
    value.ifPresent(this::convert);
  }

  static boolean isKnown(String name) {
    return BY_NAME.containsKey(name);
  }

  /** Returns the value in the one Java type the option is stored as, or throws naming it. */
  static Object check(String name, Object value) {
    OptionSpec spec = BY_NAME.get(name);
    if (spec == null) {
      return JsonCopies.object(Map.of(name, value), "options").get(name);
    }
    return spec.convert(value);
  }

  private Object convert(Object value) {
    return switch (kind) {
      case INT -> (int) inRange(integral(value));
      case LONG -> integral(value);
      case DOUBLE -> inRange(number(value).doubleValue());
      case BOOLEAN -> bool(value);
      case STRINGS -> strings(value);
    };
  }

  private Number number(Object value) {
    if (!(value instanceof Number number)) {
      throw wrongType(value, "a number");
    }
    Checks.requireFinite(number.doubleValue(), "option " + wireName);
    return number;
  }

  private long integral(Object value) {
    Number number = number(value);
    double asDouble = number.doubleValue();
    if (asDouble != Math.rint(asDouble)) {
      throw wrongType(value, "a whole number");
    }
    return number.longValue();
  }

  private double inRange(double value) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "option " + wireName + " must be " + range() + " but was " + format(value));
    }
    return value;
  }

  private boolean bool(Object value) {
    if (!(value instanceof Boolean flag)) {
      throw wrongType(value, "true or false");
    }
    return flag;
  }

  private List<String> strings(Object value) {
    Collection<?> items = value instanceof String text ? List.of(text) : null;
    if (value instanceof Collection<?> collection) {
      items = collection;
    }
    if (items == null) {
      throw wrongType(value, "a string or a list of strings");
    }
    List<String> result = new ArrayList<>(items.size());
    for (Object item : items) {
      if (!(item instanceof String text) || text.isEmpty()) {
        throw wrongType(value, "a list of non-empty strings");
      }
      result.add(text);
    }
    return List.copyOf(result);
  }

  private IllegalArgumentException wrongType(Object value, String expected) {
    return new IllegalArgumentException(
        "option " + wireName + " must be " + expected + " but was " + value);
  }

  private String range() {
    if (max == Double.MAX_VALUE || max == Integer.MAX_VALUE) {
      return "at least " + format(min);
    }
    return "from " + format(min) + " to " + format(max);
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static Map<String, OptionSpec> byName() {
    Map<String, OptionSpec> map = new java.util.HashMap<>();
    for (OptionSpec spec : values()) {
      map.put(spec.wireName, spec);
    }
    return Map.copyOf(map);
  }
}
