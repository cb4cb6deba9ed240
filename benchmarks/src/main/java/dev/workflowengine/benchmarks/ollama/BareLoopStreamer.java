package dev.workflowengine.benchmarks.ollama;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The practical limit: a bare OkHttp call and a loop that reads the body line by line from OkHttp's
 * {@link BufferedSource}, parses each line with a Jackson {@link ObjectReader} into a tiny record
 * and appends its content to a {@link StringBuilder}, all on the caller's thread. No timeouts
 * beyond OkHttp's defaults, no error mapping, no cancellation: what any client must do at least.
 *
 * <p>The request is written with a Jackson {@link ObjectWriter} on every call, as a client must.
 */
final class BareLoopStreamer implements ChatStreamer {

  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http = new OkHttpClient();
  private final ObjectWriter requestWriter;
  private final ObjectReader lineReader;
  private final String url;
  private final ChatRequest chat;

  BareLoopStreamer(String baseUrl, String prompt) {
    ObjectMapper mapper =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    requestWriter = mapper.writerFor(ChatRequest.class);
    lineReader = mapper.readerFor(Line.class);
    url = baseUrl + "/api/chat";
    chat = new ChatRequest(ChatAnswer.MODEL, List.of(new Message("user", prompt)), true);
  }

  @Override
  public StreamedAnswer streamAnswer() throws IOException {
    try (Response response = send()) {
      return readRest(response.body().source(), new StringBuilder(), 0);
    }
  }

  @Override
  public Pending streamUntilFirstDelta() throws IOException {
    Response response = send();
    try {
      BufferedSource source = response.body().source();
      String line;
      while ((line = source.readUtf8Line()) != null) {
        Line parsed = parse(line);
        String content = parsed.message() == null ? null : parsed.message().content();
        if (content != null && !content.isEmpty()) {
          return new Unfinished(response, source, content);
        }
        if (parsed.done()) {
          break;
        }
      }
      throw new IOException("the answer ended before its first delta");
    } catch (IOException | RuntimeException e) {
      response.close();
      throw e;
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Response send() throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .post(RequestBody.create(requestWriter.writeValueAsBytes(chat), JSON))
            .build();
    Response response = http.newCall(request).execute();
    if (response.code() != 200) {
      String body = response.body().string();
      response.close();
      throw new IOException("HTTP " + response.code() + ": " + body);
    }
    return response;
  }

  private StreamedAnswer readRest(BufferedSource source, StringBuilder content, int deltas)
      throws IOException {
    Line last = null;
    String line;
    while ((line = source.readUtf8Line()) != null) {
      Line parsed = parse(line);
      if (parsed.message() != null && !parsed.message().content().isEmpty()) {
        content.append(parsed.message().content());
        deltas++;
      }
      last = parsed;
    }
    if (last == null || !last.done()) {
      throw new IOException("the answer ended without its done line");
    }
    return new StreamedAnswer(
        deltas, content.toString(), last.doneReason(), last.promptEvalCount(), last.evalCount());
  }

  private Line parse(String line) throws IOException {
    Line parsed = lineReader.readValue(line);
    if (parsed.error() != null) {
      throw new IOException("Ollama error in the stream: " + parsed.error());
    }
    return parsed;
  }

  /** The rest of a response whose first delta was read. */
  private final class Unfinished implements Pending {
    private final Response response;
    private final BufferedSource source;
    private final String firstDelta;

    Unfinished(Response response, BufferedSource source, String firstDelta) {
      this.response = response;
      this.source = source;
      this.firstDelta = firstDelta;
    }

    @Override
    public String firstDelta() {
      return firstDelta;
    }

    @Override
    public StreamedAnswer finish() throws IOException {
      try (response) {
        return readRest(source, new StringBuilder(firstDelta), 1);
      }
    }
  }

  record ChatRequest(String model, List<Message> messages, boolean stream) {}

  record Message(String role, String content) {}

  /** One line of the stream: only what a caller uses. */
  record Line(
      Message message,
      boolean done,
      @JsonProperty("done_reason") String doneReason,
      @JsonProperty("total_duration") long totalDuration,
      @JsonProperty("load_duration") long loadDuration,
      @JsonProperty("prompt_eval_count") long promptEvalCount,
      @JsonProperty("prompt_eval_duration") long promptEvalDuration,
      @JsonProperty("eval_count") long evalCount,
      @JsonProperty("eval_duration") long evalDuration,
      String error) {}
}
