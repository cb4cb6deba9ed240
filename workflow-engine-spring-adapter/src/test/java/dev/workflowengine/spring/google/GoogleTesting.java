package dev.workflowengine.spring.google;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.spring.WorkflowEngineAutoConfiguration;
import java.net.URI;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The context the Google tests start, the properties they set, and what they read back. */
final class GoogleTesting {

  static final String CLIENT_ID = "client-123.apps.googleusercontent.com";
  static final String CLIENT_SECRET = "GOCSPX-never-shown-4f7c1a";
  static final String REDIRECT_URI = "https://app.example.com/oauth/google/callback";
  static final String GMAIL_TOKEN = "pubsub-secret-0f9e8d7c6b5a4321";

  /** The least that turns Google on. */
  static final String[] CLIENT = {
    "workflow-engine.google.client-id=" + CLIENT_ID,
    "workflow-engine.google.client-secret=" + CLIENT_SECRET,
    "workflow-engine.google.redirect-uri=" + REDIRECT_URI
  };

  static final String[] TOOL_NAMES = {
    "google.calendar.list_events",
    "google.calendar.create_event",
    "google.drive.list_files",
    "google.drive.upload_file",
    "google.drive.download_file",
    "google.gmail.list_messages",
    "google.gmail.read_message",
    "google.gmail.send_email"
  };

  private GoogleTesting() {}

  /** The engine and Google, without the Ollama module, so that the catalog holds only tools. */
  static ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withClassLoader(new FilteredClassLoader(OllamaClient.class))
        .withConfiguration(
            AutoConfigurations.of(
                WorkflowEngineAutoConfiguration.class, GoogleAutoConfiguration.class));
  }

  static void assertFailure(AssertableApplicationContext context, String message) {
    assertThat(context).hasFailed();
    assertThat(allMessages(context.getStartupFailure())).contains(message);
  }

  static String allMessages(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.append(cause).append('\n');
    }
    return messages.toString();
  }

  static Map<String, String> query(URI uri) {
    return decode(uri.getRawQuery());
  }

  /** Decodes a query string or a form body into its parameters. */
  static Map<String, String> decode(String encoded) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          URLDecoder.decode(pair.substring(0, eq), UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), UTF_8));
    }
    return parameters;
  }
}
