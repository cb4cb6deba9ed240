package dev.workflowengine.ollama;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long Ollama keeps a model in memory after a request, sent as {@code keep_alive} only when a
 * request sets it: without it the server's own default ({@code OLLAMA_KEEP_ALIVE}, five minutes
 * unless configured) applies, which is usually what an operator wants. Immutable.
 *
 * <pre>{@code
 * KeepAlive.of(Duration.ofMinutes(30));   // "keep_alive": 1800
 * KeepAlive.parse("1h30m");               // Ollama's own string form
 * KeepAlive.FOREVER;                      // "keep_alive": -1
 * KeepAlive.UNLOAD;                       // "keep_alive": 0, unload right after this request
 * }</pre>
 *
 * @param duration how long to keep the model; negative means for ever, zero unloads it at once
 */
public record KeepAlive(Duration duration) {

  /** Keep the model loaded until the server stops. */
  public static final KeepAlive FOREVER = new KeepAlive(Duration.ofSeconds(-1));

  /** Unload the model as soon as the request is done. */
  public static final KeepAlive UNLOAD = new KeepAlive(Duration.ZERO);

  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern GO_DURATION =
      Pattern.compile("([-+]?)((?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+)");
  private static final Pattern GO_PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

  /** Normalises every negative duration to the one that means "for ever". */
  public KeepAlive {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      duration = Duration.ofSeconds(-1);
    }
  }

  /**
   * Keeps the model loaded for a duration.
   *
   * @param duration how long; negative means for ever, zero unloads at once
   * @return the setting
   */
  public static KeepAlive of(Duration duration) {
    return new KeepAlive(duration);
  }

  /**
   * Parses the forms Ollama accepts: a number of seconds ({@code "300"}, {@code "-1"}) or a Go
   * duration ({@code "5m"}, {@code "1h30m"}, {@code "500ms"}, {@code "-1m"}).
   *
   * @param text the value
   * @return the setting
   * @throws IllegalArgumentException when the text is neither form
   */
  public static KeepAlive parse(String text) {
    String value = Objects.requireNonNull(text, "text").strip();
    if (NUMBER.matcher(value).matches()) {
      return of(seconds(new BigDecimal(value)));
    }
    Matcher whole = GO_DURATION.matcher(value);
    if (!whole.matches()) {
      throw new IllegalArgumentException(
          "keep_alive '"
              + text
              + "' is neither a number of seconds nor a duration like '5m', '1h30m' or '-1'");
    }
    Duration total = Duration.ZERO;
    Matcher part = GO_PART.matcher(whole.group(2));
    while (part.find()) {
      total = total.plus(unit(new BigDecimal(part.group(1)), part.group(2)));
    }
    return of("-".equals(whole.group(1)) ? total.negated() : total);
  }

  /**
   * Whether the model stays loaded until the server stops.
   *
   * @return {@code true} for a negative duration
   */
  public boolean isForever() {
    return duration.isNegative();
  }

  /** The value Ollama reads: seconds, as a JSON number. */
  BigDecimal wireSeconds() {
    if (isForever()) {
      return BigDecimal.valueOf(-1);
    }
    BigDecimal seconds =
        BigDecimal.valueOf(duration.getSeconds())
            .add(BigDecimal.valueOf(duration.getNano(), 9))
            .stripTrailingZeros();
    // 1800, not 1.8E+3: both are JSON numbers, but only one is readable in a request log.
    return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
  }

  private static Duration unit(BigDecimal amount, String unit) {
    BigDecimal nanosPerUnit =
        switch (unit) {
          case "ns" -> BigDecimal.ONE;
          case "us", "µs", "μs" -> BigDecimal.valueOf(1_000L);
          case "ms" -> BigDecimal.valueOf(1_000_000L);
          case "s" -> BigDecimal.valueOf(1_000_000_000L);
          case "m" -> BigDecimal.valueOf(60_000_000_000L);
          default -> BigDecimal.valueOf(3_600_000_000_000L);
        };
    return Duration.ofNanos(amount.multiply(nanosPerUnit).longValue());
  }

  private static Duration seconds(BigDecimal seconds) {
    return Duration.ofNanos(seconds.movePointRight(9).longValue());
  }
}
