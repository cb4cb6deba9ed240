package dev.workflowengine.api.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent declared inside a {@link WorkflowDefinition}: a model with a system prompt and tools,
 * referred to by {@code agent} nodes. The catalog turns it into a runnable agent.
 *
 * <pre>{@code
 * AgentDefinition.builder("support")
 *     .model("default")
 *     .systemPrompt("You answer customer tickets politely.")
 *     .tools("crm.lookup_customer")
 *     .capabilities("triage", "reply")
 *     .build();
 * }</pre>
 *
 * @param id unique within the definition
 * @param name a display name; defaults to the id
 * @param description what the agent is for
 * @param model the model profile name the catalog resolves; empty for the catalog's default
 * @param systemPrompt the system prompt, a template over the state
 * @param tools names of catalog tools the agent may call
 * @param capabilities free-form tags saying what the agent can do, as in the seeds' agent configs
 * @param config further agent settings as JSON values, such as {@code maxToolRounds}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AgentDefinition(
    @JsonInclude(JsonInclude.Include.ALWAYS) String id,
    String name,
    String description,
    String model,
    String systemPrompt,
    List<String> tools,
    List<String> capabilities,
    Map<String, Object> config) {

  /** Normalises the components. */
  public AgentDefinition {
    requireNonNull(id, "id");
    name = name == null || name.isBlank() ? id : name;
    description = description == null ? "" : description;
    model = model == null ? "" : model;
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    tools = JsonValues.copyList(tools);
    capabilities = JsonValues.copyList(capabilities);
    config = JsonValues.copyObject(config, "agents[" + id + "].config");
  }

  /**
   * A builder for an agent with the given id.
   *
   * @param id the agent id
   * @return a new builder; not thread-safe
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds an {@link AgentDefinition}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private String name;
    private String description;
    private String model;
    private String systemPrompt;
    private final List<String> tools = new ArrayList<>();
    private final List<String> capabilities = new ArrayList<>();
    private final Map<String, Object> config = new LinkedHashMap<>();

    private Builder(String id) {
      this.id = requireNonNull(id, "id");
    }

    /**
     * Sets the display name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    /**
     * Says what the agent is for.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(String description) {
      this.description = requireNonNull(description, "description");
      return this;
    }

    /**
     * Names the model profile.
     *
     * @param model the profile name
     * @return this builder
     */
    public Builder model(String model) {
      this.model = requireNonNull(model, "model");
      return this;
    }

    /**
     * Sets the system prompt template.
     *
     * @param systemPrompt the template
     * @return this builder
     */
    public Builder systemPrompt(String systemPrompt) {
      this.systemPrompt = requireNonNull(systemPrompt, "systemPrompt");
      return this;
    }

    /**
     * Adds tools by catalog name.
     *
     * @param names the tool names
     * @return this builder
     */
    public Builder tools(String... names) {
      tools.addAll(List.of(names));
      return this;
    }

    /**
     * Adds capability tags.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder capabilities(String... tags) {
      capabilities.addAll(List.of(tags));
      return this;
    }

    /**
     * Sets one further setting.
     *
     * @param key the setting
     * @param value a JSON value
     * @return this builder
     */
    public Builder config(String key, Object value) {
      config.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Builds the definition.
     *
     * @return the definition
     */
    public AgentDefinition build() {
      return new AgentDefinition(
          id, name, description, model, systemPrompt, tools, capabilities, config);
    }
  }
}
