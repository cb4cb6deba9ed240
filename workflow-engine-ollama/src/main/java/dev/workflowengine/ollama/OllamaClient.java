package dev.workflowengine.ollama;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.workflowengine.api.WorkflowException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Request;

/**
 * A client for the whole Ollama REST API: chat and generate (streamed or not), embeddings, and
 * model management (list, show, ps, pull, push, create, copy, delete, blobs, version).
 *
 * <pre>{@code
 * try (OllamaClient ollama = OllamaClient.builder().baseUrl("http://localhost:11434").build()) {
 *   ChatRequest request = ChatRequest.of("llama3.2", ChatMessage.user("Why is the sky blue?"));
 *   try (OllamaStream<ChatResponse> stream = ollama.chatStream(request)) {
 *     ChatAccumulator answer = new ChatAccumulator();
 *     for (ChatResponse chunk : stream) {
 *       System.out.print(chunk.content());
 *       answer.add(chunk);
 *     }
 *     System.out.println(answer.metrics().orElseThrow().evalCount() + " tokens");
 *   }
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> The client is immutable and thread-safe; share one per Ollama server. It
 * holds one connection pool; streams are read on the caller's thread (or, with a {@link
 * StreamListener}, on the callback executor), so many concurrent streams need no more than a thread
 * each. {@link #close()} cancels what is running and releases the connections.
 *
 * <p><b>Timeouts</b> (see {@link OllamaClientBuilder}): {@code connectTimeout} for every call;
 * {@code firstChunkTimeout} from sending a chat, generate or embed request to the first chunk (for
 * a non-streaming call, to the whole answer), which covers loading the model; {@code idleTimeout}
 * between reads once a stream has begun; {@code totalTimeout}, when set, for a whole chat, generate
 * or embed call; {@code requestTimeout} for management calls. Pull, push and create streams use the
 * first-chunk timeout, then {@code progressIdleTimeout} between lines, and no total one. A timeout
 * closes the connection and raises {@link OllamaTimeoutException}.
 *
 * <p><b>Retries.</b> 429, 502 and 503 answers are retried with exponential backoff and jitter,
 * honouring {@code Retry-After}, up to {@code maxRetries}; then {@link OllamaUnavailableException}.
 * A stream is retried only while none of its chunks has been delivered: once a chunk has reached
 * the caller, a failure ends the stream with an exception rather than repeat the answer.
 *
 * <p><b>Errors.</b> 404 is {@link ModelNotFoundException}; 400 {@link OllamaBadRequestException};
 * other 5xx {@link OllamaServerException}; nothing listening {@link OllamaUnavailableException}. An
 * {@code {"error": ...}} line inside a stream is {@link OllamaStreamException}, carrying the text
 * received so far.
 */
public final class OllamaClient implements AutoCloseable {

  private final ClientConfig config;
  private final Calls calls;
  private final OllamaModels models;

  OllamaClient(ModelSetup modelSetup, ClientConfig config) {
    this.config = config;
    this.calls = new Calls(config);
    this.models = modelSetup.modelsOf(this); // keeps the reference only; sends nothing
  }

  /**
   * A builder with the defaults: {@code http://localhost:11434}, connect 10 s, first chunk 300 s,
   * idle 120 s, requests 30 s, 3 retries.
   *
   * @return a new builder
   */
  public static OllamaClientBuilder builder() {
    return new OllamaClientBuilder();
  }

  /**
   * Sends a chat and waits for the whole answer ({@code "stream": false}).
   *
   * @param request the request
   * @return the answer, with its statistics
   */
  public ChatResponse chat(ChatRequest request) {
    CallSpec spec = calls.generation("api/chat", OllamaJson.chat(request, false), request.model());
    return calls.single(spec, ChunkReaders.chat());
  }

  /**
   * Sends a chat whose answer streams. The request goes out when iteration starts.
   *
   * @param request the request
   * @return the stream of chunks; close it when done
   */
  public OllamaStream<ChatResponse> chatStream(ChatRequest request) {
    return calls.stream(
        "api/chat", OllamaJson.chat(request, true), request.model(), ChunkReaders.chat());
  }

  /**
   * Sends a chat whose chunks go to a listener on the callback executor.
   *
   * @param request the request
   * @param listener receives the chunks, then the completion or the error
   * @return a handle to cancel the stream
   */
  public StreamHandle chatStream(ChatRequest request, StreamListener<ChatResponse> listener) {
    return calls.listen(chatStream(request), listener);
  }

  /**
   * Sends a prompt and waits for the whole completion ({@code "stream": false}).
   *
   * @param request the request
   * @return the answer, with its statistics and context
   */
  public GenerateResponse generate(GenerateRequest request) {
    CallSpec spec =
        calls.generation("api/generate", OllamaJson.generate(request, false), request.model());
    return calls.single(spec, ChunkReaders.generate());
  }

  /**
   * Sends a prompt whose completion streams. The request goes out when iteration starts.
   *
   * @param request the request
   * @return the stream of chunks; close it when done
   */
  public OllamaStream<GenerateResponse> generateStream(GenerateRequest request) {
    return calls.stream(
        "api/generate",
        OllamaJson.generate(request, true),
        request.model(),
        ChunkReaders.generate());
  }

  /**
   * Sends a prompt whose chunks go to a listener on the callback executor.
   *
   * @param request the request
   * @param listener receives the chunks, then the completion or the error
   * @return a handle to cancel the stream
   */
  public StreamHandle generateStream(
      GenerateRequest request, StreamListener<GenerateResponse> listener) {
    return calls.listen(generateStream(request), listener);
  }

  /**
   * Embeds texts with {@code POST /api/embed}.
   *
   * @param request the request
   * @return one embedding per input
   */
  public EmbedResponse embed(EmbedRequest request) {
    CallSpec spec = calls.generation("api/embed", OllamaJson.embed(request), request.model());
    return calls.read(spec, true, ManagementReaders::embed);
  }

  /**
   * Embeds one prompt with the legacy {@code POST /api/embeddings}.
   *
   * @param request the request
   * @return the embedding
   */
  public Embedding embeddings(EmbeddingsRequest request) {
    CallSpec spec =
        calls.generation("api/embeddings", OllamaJson.embeddings(request), request.model());
    return calls.read(spec, true, ManagementReaders::embedding);
  }

  /**
   * Lists the local models ({@code GET /api/tags}).
   *
   * @return the models
   */
  public List<ModelSummary> list() {
    return calls.readGet("api/tags", true, ManagementReaders::tags);
  }

  /**
   * Describes a model ({@code POST /api/show}).
   *
   * @param model the model
   * @return what Ollama knows about it
   * @throws ModelNotFoundException when Ollama does not have it
   */
  public ShowResponse show(String model) {
    return show(model, false);
  }

  /**
   * Describes a model, with the large fields when {@code verbose}.
   *
   * @param model the model
   * @param verbose whether to include the large fields (tokenizer vocabularies and the like)
   * @return what Ollama knows about it
   */
  public ShowResponse show(String model, boolean verbose) {
    Checks.requireModel(model, "model");
    Request request = calls.post("api/show", OllamaJson.show(model, verbose));
    return calls.read(calls.management(request, model), true, ManagementReaders::show);
  }

  /**
   * Lists the models loaded in memory ({@code GET /api/ps}).
   *
   * @return the running models
   */
  public List<RunningModel> ps() {
    return calls.readGet("api/ps", true, ManagementReaders::ps);
  }

  /**
   * Downloads a model from the registry, reporting progress. Consume the stream to the end (for
   * example with {@link OllamaStream#last()}) for the pull to complete.
   *
   * @param model the model, such as {@code llama3.2}
   * @return the progress lines; close when done
   */
  public OllamaStream<Progress> pull(String model) {
    return pull(model, false);
  }

  /**
   * Downloads a model, optionally from a registry without valid TLS.
   *
   * @param model the model
   * @param insecure whether to allow an insecure registry
   * @return the progress lines; close when done
   */
  public OllamaStream<Progress> pull(String model, boolean insecure) {
    Checks.requireModel(model, "model");
    return calls.progress("api/pull", OllamaJson.transfer(model, insecure), model);
  }

  /**
   * Uploads a model to a registry ({@code namespace/model:tag}), reporting progress.
   *
   * @param model the model
   * @return the progress lines; close when done
   */
  public OllamaStream<Progress> push(String model) {
    return push(model, false);
  }

  /**
   * Uploads a model, optionally to a registry without valid TLS.
   *
   * @param model the model
   * @param insecure whether to allow an insecure registry
   * @return the progress lines; close when done
   */
  public OllamaStream<Progress> push(String model, boolean insecure) {
    Checks.requireModel(model, "model");
    return calls.progress("api/push", OllamaJson.transfer(model, insecure), model);
  }

  /**
   * Creates a model, reporting progress.
   *
   * @param request what to create it from
   * @return the progress lines; close when done
   */
  public OllamaStream<Progress> create(CreateRequest request) {
    return calls.progress(
        "api/create", OllamaJson.create(request), request.from().orElse(request.model()));
  }

  /**
   * Copies a model under a new name.
   *
   * @param source the existing model
   * @param destination the new name
   * @throws ModelNotFoundException when {@code source} does not exist
   */
  public void copy(String source, String destination) {
    Checks.requireModel(source, "source");
    Checks.requireModel(destination, "destination");
    Request request = calls.post("api/copy", OllamaJson.copy(source, destination));
    calls.read(calls.management(request, source), true, body -> null);
  }

  /**
   * Deletes a model and the data only it uses.
   *
   * @param model the model
   * @throws ModelNotFoundException when it does not exist
   */
  public void delete(String model) {
    Checks.requireModel(model, "model");
    Request request = calls.delete("api/delete", OllamaJson.model(model));
    calls.read(calls.management(request, model), true, body -> null);
  }

  /**
   * Ollama's version ({@code GET /api/version}).
   *
   * @return for example {@code 0.12.6}
   */
  public String version() {
    return calls.readGet("api/version", true, ManagementReaders::version);
  }

  /**
   * Whether the server has a blob ({@code HEAD /api/blobs/:digest}).
   *
   * @param digest {@code sha256:} followed by 64 hex digits
   * @return {@code true} when it has it
   */
  public boolean blobExists(String digest) {
    return Blobs.exists(calls, Requests.requireDigest(digest, "digest"));
  }

  /**
   * Uploads a file as a blob ({@code POST /api/blobs/:digest}), for {@link
   * CreateRequest.Builder#file}. The digest is computed while reading the file once.
   *
   * @param file a model or adapter file
   * @return the blob's digest, {@code sha256:...}
   */
  public String uploadBlob(Path file) {
    return Blobs.upload(calls, Objects.requireNonNull(file, "file"));
  }

  /**
   * Uploads bytes as a blob ({@code POST /api/blobs/:digest}).
   *
   * @param bytes the content
   * @return the blob's digest, {@code sha256:...}
   */
  public String uploadBlob(byte[] bytes) {
    return Blobs.upload(calls, Objects.requireNonNull(bytes, "bytes"));
  }

  /**
   * Checks whether Ollama answers, and what it has. Never throws for an unreachable or failing
   * server: the answer says so. Not retried, bounded by the request timeout.
   *
   * @return the health
   */
  public OllamaHealth health() {
    String version;
    try {
      version = calls.readGet("api/version", false, ManagementReaders::version);
    } catch (OllamaUnavailableException e) {
      boolean answered = e.httpStatus().isPresent();
      return new OllamaHealth(answered, Optional.empty(), List.of(), Optional.of(e.getMessage()));
    } catch (OllamaTimeoutException e) {
      return new OllamaHealth(false, Optional.empty(), List.of(), Optional.of(e.getMessage()));
    } catch (WorkflowException e) {
      return new OllamaHealth(true, Optional.empty(), List.of(), Optional.of(e.getMessage()));
    }
    try {
      List<String> names =
          calls.readGet("api/tags", false, ManagementReaders::tags).stream()
              .map(ModelSummary::name)
              .toList();
      return new OllamaHealth(true, Optional.of(version), names, Optional.empty());
    } catch (WorkflowException e) {
      return new OllamaHealth(true, Optional.of(version), List.of(), Optional.of(e.getMessage()));
    }
  }

  /**
   * A LangChain4j chat model for a profile of this client ({@link OllamaClientBuilder#profiles}),
   * pulled first as the pull strategy says.
   *
   * <pre>{@code
   * ChatModel model = ollama.chatModel("default");
   * String answer = model.chat("Say hello");
   * }</pre>
   *
   * @param profile the profile's name, for example {@code default}, {@code code} or {@code
   *     creative}
   * @return the model
   * @throws UnknownProfileException listing the known profiles
   */
  public ChatModel chatModel(String profile) {
    return models.chatModel(profile);
  }

  /**
   * A LangChain4j streaming chat model for a profile of this client.
   *
   * @param profile the profile's name
   * @return the model
   * @throws UnknownProfileException listing the known profiles
   */
  public StreamingChatModel streamingChatModel(String profile) {
    return models.streamingChatModel(profile);
  }

  /**
   * A LangChain4j embedding model for a profile of this client.
   *
   * @param profile the profile's name, for example {@code embedding}
   * @return the model
   * @throws UnknownProfileException listing the known profiles
   */
  public EmbeddingModel embeddingModel(String profile) {
    return models.embeddingModel(profile);
  }

  /**
   * The models by profile of this client, with builders for models with more settings and {@link
   * OllamaModels#ensureModel(String)} to pull a profile's model at start-up.
   *
   * @return the facade, one per client
   */
  public OllamaModels models() {
    return models;
  }

  /**
   * The base URL requests go to.
   *
   * @return for example {@code http://localhost:11434/}
   */
  public String baseUrl() {
    return config.baseUrl().toString();
  }

  /**
   * Cancels running streams and calls, stops the client's own callback threads and releases its
   * connections. Idempotent; the client cannot be used afterwards.
   */
  @Override
  public void close() {
    calls.close();
  }

  @Override
  public String toString() {
    return "OllamaClient{" + config + "}";
  }
}
