package dev.workflowengine.spring.actuate;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures observations of model calls when Micrometer's observation API is on the class
 * path and the application has an {@link ObservationRegistry}: a LangChain4j {@link
 * ChatModelListener} that observes each chat as {@code gen_ai.client.operation}, and, with a {@link
 * MeterRegistry}, the tokens each chat used as {@code gen_ai.client.token.usage}.
 *
 * <ul>
 *   <li>{@code gen_ai.client.operation}: a timer (with Spring Boot's default meter handler) and a
 *       span (with tracing), low-cardinality keys {@code gen_ai.operation.name} ({@code chat}),
 *       {@code gen_ai.provider.name} and {@code gen_ai.system} (such as {@code ollama}), {@code
 *       gen_ai.request.model} and {@code gen_ai.response.model} ({@code none} when not known);
 *       high-cardinality keys {@code gen_ai.usage.input_tokens}, {@code
 *       gen_ai.usage.output_tokens}, {@code gen_ai.response.finish_reasons} and {@code
 *       gen_ai.response.id}, on spans only.
 *   <li>{@code gen_ai.client.token.usage}: a distribution summary with the same tags plus {@code
 *       gen_ai.token.type}, {@code input} or {@code output}.
 * </ul>
 *
 * <p>The Ollama models of the auto-configuration take every {@code ChatModelListener} bean; a model
 * the application builds itself is observed once it is given this listener, for example {@code
 * OpenAiChatModel.builder().listeners(List.of(listener))}. Spring Boot's {@code
 * management.observations.enable.*} turns the observations off by name prefix; a bean of the same
 * name replaces each bean.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple"
          + ".SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure"
          + ".CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass({ObservationRegistry.class, ChatModelListener.class})
@ConditionalOnBean(ObservationRegistry.class)
public class ChatModelObservationAutoConfiguration {

  /** Created by Spring Boot's auto-configuration. */
  public ChatModelObservationAutoConfiguration() {}

  /**
   * Observes the chat calls of every model that lists it.
   *
   * @param registry the observation registry
   * @return the listener
   */
  @Bean
  @ConditionalOnMissingBean(name = "genAiChatModelListener")
  public ChatModelListener genAiChatModelListener(ObservationRegistry registry) {
    return new GenAiObservationListener(registry);
  }

  /** Token usage, when there is a meter registry to record it in. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class TokenUsageConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "genAiTokenUsageObservationHandler")
    ObservationHandler<?> genAiTokenUsageObservationHandler(MeterRegistry registry) {
      return new TokenUsageHandler(registry);
    }
  }
}
