/**
 * Spring Boot auto-configuration of the AI Workflow Engine: add {@code
 * workflow-engine-spring-adapter} and a running {@link
 * dev.workflowengine.core.engine.WorkflowEngine} is a bean, with its {@link
 * dev.workflowengine.core.Catalog}, credential vault and, when {@code workflow-engine-ollama} is on
 * the class path, the Ollama client and LangChain4j models.
 *
 * <pre>
 * workflow-engine.engine.workers=8
 * workflow-engine.ollama.base-url=http://ollama:11434
 * workflow-engine.ollama.pull-strategy=when-missing
 * workflow-engine.credentials.key=${CREDENTIAL_KEY}
 * </pre>
 *
 * <p>Every bean backs off when the application defines one of the same type: an {@code
 * ExecutionStore}, {@code CheckpointStore}, {@code WorkQueue}, {@code EventTransport}, {@code
 * WorkflowRepository} or {@code CredentialStore} bean replaces that in-memory default alone. {@code
 * Workflow} beans are registered with the engine; {@code AgentTool}, {@code Agent} and {@code
 * ChatModel} beans go into the catalog; {@link dev.workflowengine.spring.WorkflowCatalogCustomizer}
 * and {@link dev.workflowengine.spring.WorkflowEngineBuilderCustomizer} beans adjust the rest. A
 * property with a wrong value fails start-up with a message naming it.
 */
package dev.workflowengine.spring;
