package dev.workflowengine.samples;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.workflowengine.core.Workflow;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * A Spring Boot application with the engine's REST and SSE layer on and a page, {@code
 * /monitor.html}, that starts the {@code reply-with-approval} workflow of {@link LiveEventsSample}
 * and shows its events live: the draft's tokens as they stream, then an Approve button for the
 * waiting step, then the end.
 *
 * <pre>
 * mvn -q -pl samples -am spring-boot:run       # then open http://localhost:8080/monitor.html
 * </pre>
 *
 * <p>{@code application.properties} turns the web layer on and trusts the {@code X-User-Id} header
 * as the caller (development only). The models are chosen as in the tour: Ollama when one answers
 * at {@code OLLAMA_BASE_URL}, else scripted, and the log says which. The workflow is a bean, so the
 * auto-configured engine registers it; nothing else is configured here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MonitorApplication {

  private static final Logger log = LoggerFactory.getLogger(MonitorApplication.class);

  /** Created by Spring. */
  public MonitorApplication() {}

  /**
   * Runs the application.
   *
   * @param args Spring Boot arguments, such as {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication.run(MonitorApplication.class, args);
  }

  /** Ollama when one answers (pulling the model first, with a progress bar), else scripted. */
  @Bean(destroyMethod = "close")
  SampleModels sampleModels(
      @Value("${OLLAMA_BASE_URL:" + SampleModels.DEFAULT_BASE_URL + "}") String baseUrl,
      @Value("${OLLAMA_MODEL:}") String model) {
    SampleModels models =
        SampleModels.detect(
            baseUrl, Optional.of(model).filter(name -> !name.isBlank()), System.out);
    log.info(models.announcement());
    return models;
  }

  /** The model that drafts the reply; the scripted one streams at a readable pace. */
  @Bean
  StreamingChatModel writer(
      SampleModels models, @Value("${monitor.scripted-token-pause:60ms}") Duration pause) {
    StreamingChatModel writer = models.streaming(LiveEventsSample.SCRIPTED_REPLY);
    return models.real() ? writer : new PacedStreamingChatModel(writer, pause);
  }

  /** Drafts a reply with streamed tokens, waits for approval, then sends it. */
  @Bean
  Workflow replyWithApproval(StreamingChatModel writer) {
    return LiveEventsSample.workflow(writer);
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready(ApplicationReadyEvent event) {
    log.info(
        "Monitor: open http://localhost:{}/monitor.html",
        event.getApplicationContext().getEnvironment().getProperty("local.server.port"));
  }
}
