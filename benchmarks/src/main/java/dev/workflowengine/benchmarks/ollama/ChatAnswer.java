package dev.workflowengine.benchmarks.ollama;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A streamed {@code /api/chat} answer of {@code chunks} content deltas, precomputed as the bytes of
 * an HTTP/1.1 chunked body the way Ollama writes it.
 *
 * <p>Ollama's {@code streamResponse} marshals each {@code api.ChatResponse} with Go's {@code
 * json.Marshal}, appends {@code '\n'} and flushes, so each line travels as one chunk: {@code <size
 * in lower-case hex>\r\n<line>\r\n}. Go writes the fields in struct order ({@code model}, {@code
 * created_at}, {@code message}, {@code done_reason} when set, {@code done}, then the metrics, which
 * are omitted while zero) and {@code created_at} as RFC 3339 with nanoseconds and trailing zeros
 * removed. After the handler returns, the server ends the body with {@code 0\r\n\r\n}.
 *
 * <p>The deltas cycle through a small vocabulary of LLM-like tokens, including a quote (escaped in
 * JSON), a non-ASCII word and a blank line, so a client's decoding is exercised too. Immutable and
 * thread-safe.
 */
public final class ChatAnswer {

  /** The model name every line carries. */
  public static final String MODEL = "llama3.2";

  static final List<String> TOKENS =
      List.of(
          "The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", ",",
          " and", " says", " \"", "café", "\".", "\n\n");

  static final long LOAD_DURATION = 12_345_678;
  static final long PROMPT_EVAL_COUNT = 26;
  static final long PROMPT_EVAL_DURATION = 130_456_789;
  // Slightly more than 20 ms a token, so that created_at's fractions vary in length as Go's do.
  static final long NANOS_PER_TOKEN = 20_001_237;
  static final Instant STARTED = Instant.parse("2024-07-22T20:33:28.123648Z");

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final byte[] CRLF = {'\r', '\n'};

  private final int chunks;
  private final List<String> lines;
  private final String content;
  private final byte[] body;
  private final int[] chunkStarts;

  private ChatAnswer(int chunks) {
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be at least 1, was " + chunks);
    }
    this.chunks = chunks;
    List<String> built = new ArrayList<>(chunks + 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < chunks; i++) {
      String token = token(i);
      text.append(token);
      built.add(deltaLine(i, token));
    }
    built.add(finalLine(chunks));
    this.lines = Collections.unmodifiableList(built);
    this.content = text.toString();

    ByteArrayOutputStream out = new ByteArrayOutputStream(chunks * 140);
    chunkStarts = new int[lines.size() + 1];
    for (int i = 0; i < lines.size(); i++) {
      chunkStarts[i] = out.size();
      byte[] line = (lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
      out.writeBytes(Integer.toHexString(line.length).getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(CRLF);
      out.writeBytes(line);
      out.writeBytes(CRLF);
    }
    chunkStarts[lines.size()] = out.size();
    body = out.toByteArray();
  }

  /**
   * Builds the answer.
   *
   * @param chunks the number of content deltas, at least 1
   * @return the answer
   */
  public static ChatAnswer of(int chunks) {
    return new ChatAnswer(chunks);
  }

  /** The number of content deltas (the lines with {@code "done":false}). */
  public int chunks() {
    return chunks;
  }

  /** Every line without its {@code '\n'}: the deltas, then the final {@code done} line. */
  public List<String> lines() {
    return lines;
  }

  /** The deltas concatenated: the text a client must end up with. */
  public String content() {
    return content;
  }

  /** The first content delta. */
  public String firstDelta() {
    return token(0);
  }

  /** The {@code eval_count} of the final line: one token per delta. */
  public long evalCount() {
    return chunks;
  }

  /** The {@code prompt_eval_count} of the final line. */
  public long promptEvalCount() {
    return PROMPT_EVAL_COUNT;
  }

  /** The {@code eval_duration} of the final line, in nanoseconds. */
  public long evalDuration() {
    return chunks * NANOS_PER_TOKEN;
  }

  /** The {@code total_duration} of the final line, in nanoseconds. */
  public long totalDuration() {
    return LOAD_DURATION + PROMPT_EVAL_DURATION + evalDuration() + 1_234_567;
  }

  /** The number of body chunks with data: one per line. */
  int dataChunks() {
    return lines.size();
  }

  /** The chunked body without its terminating {@code 0\r\n\r\n}; do not modify. */
  byte[] body() {
    return body;
  }

  /**
   * Where data chunk {@code index} starts in {@link #body()}; {@link #dataChunks()} gives its end.
   */
  int chunkStart(int index) {
    return chunkStarts[index];
  }

  /** The length of data chunk {@code index} in {@link #body()}, framing included. */
  int chunkLength(int index) {
    return chunkStarts[index + 1] - chunkStarts[index];
  }

  static String token(int index) {
    return TOKENS.get(index % TOKENS.size());
  }

  private String deltaLine(int index, String token) {
    return json(
        generator -> {
          writeHead(generator, STARTED.plusNanos(PROMPT_EVAL_DURATION + index * NANOS_PER_TOKEN));
          writeMessage(generator, token);
          generator.writeBooleanField("done", false);
        });
  }

  private String finalLine(int chunks) {
    return json(
        generator -> {
          writeHead(generator, STARTED.plusNanos(totalDuration()));
          writeMessage(generator, "");
          generator.writeStringField("done_reason", "stop");
          generator.writeBooleanField("done", true);
          generator.writeNumberField("total_duration", totalDuration());
          generator.writeNumberField("load_duration", LOAD_DURATION);
          generator.writeNumberField("prompt_eval_count", PROMPT_EVAL_COUNT);
          generator.writeNumberField("prompt_eval_duration", PROMPT_EVAL_DURATION);
          generator.writeNumberField("eval_count", (long) chunks);
          generator.writeNumberField("eval_duration", evalDuration());
        });
  }

  private static void writeHead(JsonGenerator generator, Instant createdAt) throws IOException {
    generator.writeStringField("model", MODEL);
    generator.writeStringField("created_at", goTimestamp(createdAt));
  }

  private static void writeMessage(JsonGenerator generator, String content) throws IOException {
    generator.writeObjectFieldStart("message");
    generator.writeStringField("role", "assistant");
    generator.writeStringField("content", content);
    generator.writeEndObject();
  }

  /** Go's {@code time.RFC3339Nano} in UTC: nanoseconds without trailing zeros. */
  static String goTimestamp(Instant instant) {
    StringBuilder text = new StringBuilder(SECONDS.format(instant));
    int nanos = instant.getNano();
    if (nanos != 0) {
      String digits = String.format("%09d", nanos);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(digits, 0, end);
    }
    return text.append('Z').toString();
  }

  private interface Fields {
    void write(JsonGenerator generator) throws IOException;
  }

  private static final JsonFactory JSON = new JsonFactory();

  private static String json(Fields fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.writeStartObject();
      fields.write(generator);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
