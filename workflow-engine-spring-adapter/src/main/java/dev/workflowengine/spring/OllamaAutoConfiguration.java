package dev.workflowengine.spring;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.workflowengine.ollama.ModelProfiles;
import dev.workflowengine.ollama.OllamaClient;
import dev.workflowengine.ollama.PullListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@link OllamaClient} and LangChain4j models over it when {@code
 * workflow-engine-ollama} is on the class path: a {@link ChatModel} and {@link StreamingChatModel}
 * of the chat profile, an {@link EmbeddingModel} of the embedding profile, and every other profile
 * offered to workflows under its name. Nothing talks to Ollama at start-up; a model is pulled, as
 * the pull strategy says, at its first use.
 *
 * <p>Every {@link ChatModelListener} bean listens to the chat models built here, which is how the
 * gen_ai observations of the actuator support reach them.
 *
 * <p>Each bean backs off when the application defines one of the same type, so an application with
 * its own {@code ChatModel} keeps it as the catalog's {@code default} while workflows can still ask
 * for Ollama profiles by name.
 */
@AutoConfiguration(before = WorkflowEngineAutoConfiguration.class)
@ConditionalOnClass(OllamaClient.class)
@ConditionalOnBooleanProperty(name = OllamaProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(OllamaProperties.class)
public class OllamaAutoConfiguration {

  /** Created by Spring Boot's auto-configuration. */
  public OllamaAutoConfiguration() {}

  /**
   * The model profiles: built in, then the profiles file, then the {@code profiles.*} properties.
   *
   * @param properties the Ollama properties
   * @return the profiles
   */
  @Bean
  @ConditionalOnMissingBean
  public ModelProfiles ollamaModelProfiles(OllamaProperties properties) {
    return OllamaSetup.profiles(properties);
  }

  /**
   * The client, closed with the context.
   *
   * @param properties the Ollama properties
   * @param profiles the model profiles
   * @param pullListener who hears pull progress, if the application defines one; else it is logged
   * @return the client
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public OllamaClient ollamaClient(
      OllamaProperties properties,
      ModelProfiles profiles,
      ObjectProvider<PullListener> pullListener) {
    return OllamaSetup.client(properties, profiles, pullListener.getIfUnique());
  }

  /**
   * The chat model of the chat profile.
   *
   * @param client the client
   * @param properties the Ollama properties
   * @param listeners every {@link ChatModelListener} bean, such as the gen_ai observations
   * @return the model
   */
  @Bean
  @ConditionalOnMissingBean
  public ChatModel ollamaChatModel(
      OllamaClient client,
      OllamaProperties properties,
      ObjectProvider<ChatModelListener> listeners) {
    return client
        .models()
        .chatModelBuilder(chatProfile(client, properties))
        .listeners(listeners.orderedStream().toList())
        .build();
  }

  /**
   * The streaming chat model of the chat profile.
   *
   * @param client the client
   * @param properties the Ollama properties
   * @param listeners every {@link ChatModelListener} bean
   * @return the model
   */
  @Bean
  @ConditionalOnMissingBean
  public StreamingChatModel ollamaStreamingChatModel(
      OllamaClient client,
      OllamaProperties properties,
      ObjectProvider<ChatModelListener> listeners) {
    return client
        .models()
        .streamingChatModelBuilder(chatProfile(client, properties))
        .listeners(listeners.orderedStream().toList())
        .build();
  }

  /**
   * The embedding model of the embedding profile.
   *
   * @param client the client
   * @param properties the Ollama properties
   * @return the model
   */
  @Bean
  @ConditionalOnMissingBean
  public EmbeddingModel ollamaEmbeddingModel(OllamaClient client, OllamaProperties properties) {
    String profile =
        OllamaSetup.knownProfile(
            client.models().profiles(),
            properties.embeddingProfile(),
            OllamaProperties.PREFIX + ".embedding-profile");
    return client.embeddingModel(profile);
  }

  /**
   * Every profile but the embedding one as a chat model the catalog offers under its name.
   *
   * @param client the client
   * @param properties the Ollama properties
   * @param listeners every {@link ChatModelListener} bean
   * @return the models by profile name
   */
  @Bean
  @ConditionalOnMissingBean(name = "ollamaProfileChatModels")
  ProfileChatModels ollamaProfileChatModels(
      OllamaClient client,
      OllamaProperties properties,
      ObjectProvider<ChatModelListener> listeners) {
    return new ProfileChatModels(
        OllamaSetup.chatModels(
            client,
            client.models().profiles(),
            properties.embeddingProfile(),
            listeners.orderedStream().toList()));
  }

  private static String chatProfile(OllamaClient client, OllamaProperties properties) {
    return OllamaSetup.knownProfile(
        client.models().profiles(),
        properties.chatProfile(),
        OllamaProperties.PREFIX + ".chat-profile");
  }
}
