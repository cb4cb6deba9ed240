package dev.workflowengine.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A small JSON and SSE client of the endpoints, acting for one user through the dev header. */
final class WebClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String user;

  WebClient(int port, String user) {
    this.base = "http://localhost:" + port + "/api/v1";
    this.user = user;
  }

  WebClient as(String otherUser) {
    return new WebClient(this, otherUser);
  }

  private WebClient(WebClient other, String user) {
    this.base = other.base;
    this.user = user;
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  /** A GET whose answer is plain text, from an endpoint of the application's own. */
  String getText(String path) {
    try {
      return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply post(String path, String body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply put(String path, String body) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  /**
   * Any request, with the body as given and extra headers as name, value pairs; redirects are not
   * followed.
   */
  Reply send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json");
    if (user != null) {
      builder.header("X-User", user);
    }
    return builder;
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      // Only JSON is parsed: a redirect or an HTML page is read through response().
      boolean json =
          response
              .headers()
              .firstValue("Content-Type")
              .filter(type -> type.contains("json"))
              .isPresent();
      JsonNode body = json && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
      return new Reply(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads an event stream until a terminal event, the end of the stream or the stop condition.
   *
   * @param lastEventId sent as Last-Event-ID when not null
   */
  SseStream events(String executionId, String lastEventId, Predicate<String> stopAtLine) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/executions/" + executionId + "/events"))
            .header("Accept", "text/event-stream")
            .header("X-User", user);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      HttpResponse<Stream<String>> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
      List<String> lines = new ArrayList<>();
      try (Stream<String> body = response.body()) {
        var iterator = body.iterator();
        while (iterator.hasNext()) {
          String line = iterator.next();
          lines.add(line);
          if (stopAtLine.test(line)) {
            break;
          }
        }
      }
      return new SseStream(response.statusCode(), response.headers(), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Reply(int status, JsonNode body, HttpResponse<String> response) {
    Reply expect(int expected) {
      assertThat(status)
          .as("status of %s: %s", response.uri(), response.body())
          .isEqualTo(expected);
      return this;
    }

    String text(String field) {
      return body.path(field).asText();
    }
  }

  /** One SSE event as the browser sees it. */
  record Event(String id, String name, JsonNode data) {}

  record SseStream(int status, HttpHeaders headers, List<String> lines) {
    List<Event> events() {
      List<Event> events = new ArrayList<>();
      String id = null;
      String name = null;
      StringBuilder data = new StringBuilder();
      for (String line : lines) {
        if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5));
        } else if (line.isEmpty() && name != null) {
          events.add(new Event(id, name, read(data.toString())));
          id = null;
          name = null;
          data.setLength(0);
        }
      }
      return events;
    }

    private static JsonNode read(String json) {
      try {
        return JSON.readTree(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
