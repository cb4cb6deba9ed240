package dev.workflowengine.benchmarks.ollama;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * An in-process HTTP/1.1 server on 127.0.0.1 (a free port) that answers every {@code POST
 * /api/chat} with the same streamed {@link ChatAnswer}, byte for byte as Ollama writes it, as fast
 * as the connection takes it; any other request gets Go's {@code 404 page not found}. The request
 * body is read and ignored.
 *
 * <pre>{@code
 * try (OllamaChatServer server = OllamaChatServer.start(2_000)) {
 *   String baseUrl = server.baseUrl(); // http://127.0.0.1:PORT
 *   ...
 * }
 * }</pre>
 *
 * <p><b>The bytes</b> are Ollama's: the head {@code HTTP/1.1 200 OK}, {@code Content-Type:
 * application/x-ndjson} (set by the handler, so first), {@code Date}, and {@code Transfer-Encoding:
 * chunked}; then one chunk per line ({@code <size in lower-case hex>\r\n<line>\n\r\n}); then {@code
 * 0\r\n\r\n}. Sockets have {@code TCP_NODELAY}, Go's default. Connections are kept alive until the
 * client closes them or sends {@code Connection: close}.
 *
 * <p><b>The writes.</b> Ollama flushes after every line, so Go writes the head together with the
 * first line's chunk, then each line's chunk in a write of its own, then the terminating chunk in
 * one more. This server always writes the head and the first chunk at once, and the terminating
 * chunk alone; the chunks in between go out {@code linesPerWrite} at a time. With {@link
 * #OLLAMA_LINES_PER_WRITE} (1) the writes are Ollama's, but then the server is the bottleneck: a
 * write to a loopback socket costs about as much as a fast client spends on a chunk, and a client
 * that keeps up wakes for every chunk, so a client that reads only the bytes gets the answer no
 * faster than one that parses it (measured on the 2-core machines with {@code
 * StreamingChatBenchmark.rawSocket}). {@link #DEFAULT_LINES_PER_WRITE} (64 lines, about 8 KB) takes
 * the server out of the time per answer; the time to first chunk is the same either way.
 *
 * <p><b>Why a hand-written socket server rather than {@code com.sun.net.httpserver}:</b> the server
 * must not be what is measured. The JDK server hands every request of a kept-alive connection from
 * its selector thread to a worker thread, a thread wake-up inside the time to first chunk; it
 * allocates headers maps and strings for every exchange, which {@code -prof gc} would add to the
 * client's bytes per answer (JMH counts the allocations of all threads); and it rewrites header
 * names ({@code Content-type}, {@code Transfer-encoding}). Here a thread per connection (platform
 * threads, Java 17) blocks on its socket, parses requests in a reused buffer, and writes slices of
 * one precomputed array: after a connection's first answer, an answer allocates nothing but, once a
 * second, the new {@code Date} value. {@code StreamingChatBenchmark.rawSocket} measures how fast a
 * client that only reads the bytes gets them, the floor for the clients.
 *
 * <p>Thread-safe; {@link #close()} closes the listening socket and every open connection.
 */
public final class OllamaChatServer implements AutoCloseable {

  /** The number of deltas the benchmarks stream by default. */
  public static final int DEFAULT_CHUNKS = 2_000;

  /** Lines per write as Ollama writes them: one, each flushed on its own. */
  public static final int OLLAMA_LINES_PER_WRITE = 1;

  /** Lines per write that keep the server out of the time per answer. */
  public static final int DEFAULT_LINES_PER_WRITE = 64;

  private static final byte[] HEAD_BEFORE_DATE =
      ascii("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nDate: ");
  private static final byte[] HEAD_AFTER_DATE = ascii("\r\nTransfer-Encoding: chunked\r\n\r\n");
  private static final byte[] LAST_CHUNK = ascii("0\r\n\r\n");
  private static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");
  private static final String NOT_FOUND_BODY = "404 page not found";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);
  private static final int DATE_LENGTH = 29;

  private final ChatAnswer answer;
  private final int linesPerWrite;
  private final ServerSocket listener;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Thread> connectionThreads = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final LongAdder chatRequests = new LongAdder();
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private volatile CachedDate date = CachedDate.of(Instant.now().getEpochSecond());
  private volatile boolean closed;

  private OllamaChatServer(ChatAnswer answer, int linesPerWrite) throws IOException {
    if (linesPerWrite < 1) {
      throw new IllegalArgumentException("linesPerWrite must be at least 1, was " + linesPerWrite);
    }
    this.answer = answer;
    this.linesPerWrite = linesPerWrite;
    listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    acceptor = new Thread(this::accept, "ollama-chat-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a server streaming answers of {@code chunks} deltas, {@link #DEFAULT_LINES_PER_WRITE}
   * lines a write.
   *
   * @param chunks the number of content deltas of each answer, at least 1
   * @return the running server
   * @throws IOException if the listening socket cannot be opened
   */
  public static OllamaChatServer start(int chunks) throws IOException {
    return start(chunks, DEFAULT_LINES_PER_WRITE);
  }

  /**
   * Starts a server streaming answers of {@code chunks} deltas.
   *
   * @param chunks the number of content deltas of each answer, at least 1
   * @param linesPerWrite how many lines' chunks, after the first, go out in one socket write:
   *     {@link #OLLAMA_LINES_PER_WRITE} for Ollama's own writes
   * @return the running server
   * @throws IOException if the listening socket cannot be opened
   */
  public static OllamaChatServer start(int chunks, int linesPerWrite) throws IOException {
    return new OllamaChatServer(ChatAnswer.of(chunks), linesPerWrite);
  }

  /** The base URL clients use, {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The port the server listens on. */
  public int port() {
    return listener.getLocalPort();
  }

  /** The answer every chat request gets. */
  public ChatAnswer answer() {
    return answer;
  }

  /** The number of connections accepted so far. */
  public int connectionsAccepted() {
    return connections.get();
  }

  /**
   * The number of chat requests received so far, counted before their answer is written, so that a
   * client that received an answer finds it counted.
   */
  public long chatRequests() {
    return chatRequests.sum();
  }

  /**
   * Throws if a connection failed for another reason than its closing (a request the server could
   * not read), so that a benchmark cannot pass over a broken exchange.
   *
   * @throws IllegalStateException naming the first failure
   */
  public void checkHealthy() {
    IOException first = failure.get();
    if (first != null) {
      throw new IllegalStateException("the benchmark server failed on a connection", first);
    }
  }

  /** The length in bytes of a whole chat response, head included. */
  public int responseLength() {
    return headLength() + answer.body().length + LAST_CHUNK.length;
  }

  /** The length in bytes of the head and the first line's chunk, the first write of a response. */
  public int firstWriteLength() {
    return headLength() + answer.chunkLength(0);
  }

  /** The threads serving connections, for tests that weigh what the server allocates. */
  List<Thread> connectionThreads() {
    return List.copyOf(connectionThreads);
  }

  private static int headLength() {
    return HEAD_BEFORE_DATE.length + DATE_LENGTH + HEAD_AFTER_DATE.length;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(socket);
      Thread thread =
          new Thread(() -> serve(socket), "ollama-chat-server-" + connections.incrementAndGet());
      thread.setDaemon(true);
      connectionThreads.add(thread);
      thread.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      RequestHead request = new RequestHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      byte[] firstWrite = new byte[firstWriteLength()];
      while (!closed && request.read()) {
        if (request.expectContinue) {
          out.write(CONTINUE);
        }
        request.skipBody();
        if (request.chat) {
          chatRequests.increment();
          writeAnswer(out, firstWrite);
        } else {
          out.write(notFound());
        }
        if (request.close) {
          return;
        }
      }
    } catch (SocketException e) {
      // The client closed the connection, or close() did.
    } catch (IOException e) {
      if (!closed) {
        failure.compareAndSet(null, e);
      }
    } finally {
      open.remove(socket);
      connectionThreads.remove(Thread.currentThread());
    }
  }

  private void writeAnswer(OutputStream out, byte[] firstWrite) throws IOException {
    int position = copy(HEAD_BEFORE_DATE, firstWrite, 0);
    position = copy(currentDate(), firstWrite, position);
    position = copy(HEAD_AFTER_DATE, firstWrite, position);
    byte[] body = answer.body();
    System.arraycopy(body, 0, firstWrite, position, answer.chunkLength(0));
    out.write(firstWrite);
    int chunks = answer.dataChunks();
    for (int first = 1; first < chunks; first += linesPerWrite) {
      int end = Math.min(chunks, first + linesPerWrite);
      int start = answer.chunkStart(first);
      out.write(body, start, answer.chunkStart(end) - start);
    }
    out.write(LAST_CHUNK);
  }

  private byte[] notFound() {
    String head =
        "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nDate: "
            + new String(currentDate(), StandardCharsets.US_ASCII)
            + "\r\nContent-Length: "
            + NOT_FOUND_BODY.length()
            + "\r\n\r\n";
    return ascii(head + NOT_FOUND_BODY);
  }

  private byte[] currentDate() {
    long second = System.currentTimeMillis() / 1000;
    CachedDate cached = date;
    if (cached.second != second) {
      cached = CachedDate.of(second);
      date = cached;
    }
    return cached.bytes;
  }

  private static int copy(byte[] from, byte[] to, int position) {
    System.arraycopy(from, 0, to, position, from.length);
    return position + from.length;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The HTTP date of one second, formatted once. */
  private static final class CachedDate {
    final long second;
    final byte[] bytes;

    private CachedDate(long second, byte[] bytes) {
      this.second = second;
      this.bytes = bytes;
    }

    static CachedDate of(long second) {
      byte[] bytes = ascii(HTTP_DATE.format(Instant.ofEpochSecond(second)));
      if (bytes.length != DATE_LENGTH) {
        throw new IllegalStateException("unexpected HTTP date " + new String(bytes));
      }
      return new CachedDate(second, bytes);
    }
  }
}
