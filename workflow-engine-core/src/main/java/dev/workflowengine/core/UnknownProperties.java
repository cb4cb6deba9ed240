package dev.workflowengine.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.workflowengine.api.ValidationProblem;
import dev.workflowengine.api.definition.WorkflowDefinition;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the properties of a definition's JSON that its records do not have. Jackson reports an
 * unknown property of a record only after constructing it, so a misspelt required property such as
 * {@code "tpye"} would otherwise surface as a constructor failure that names no property.
 */
final class UnknownProperties {

  private UnknownProperties() {}

  /** Every unknown property of a definition's JSON; empty if there is none or it is not JSON. */
  static List<ValidationProblem> of(String json) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException notJson) {
      return List.of();
    }
    List<ValidationProblem> problems = new ArrayList<>();
    walk(root, WorkflowDefinition.class, "$", problems);
    return problems;
  }

  /** The message for one unknown property. */
  static String message(String name, List<String> known) {
    return "unknown property '"
        + name
        + "'"
        + Suggestions.hint(name, known)
        + "; known properties: "
        + known;
  }

  private static void walk(
      JsonNode node, Type type, String path, List<ValidationProblem> problems) {
    if (node == null) {
      return;
    }
    if (type instanceof Class<?> recordType && recordType.isRecord() && node.isObject()) {
      RecordComponent[] components = recordType.getRecordComponents();
      List<String> known =
          Arrays.stream(components).map(RecordComponent::getName).sorted().toList();
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          problems.add(new ValidationProblem(path + "." + name, message(name, known)));
        }
      }
      for (RecordComponent component : components) {
        walk(
            node.get(component.getName()),
            component.getGenericType(),
            path + "." + component.getName(),
            problems);
      }
    } else if (type instanceof ParameterizedType generic) {
      Type raw = generic.getRawType();
      Type[] arguments = generic.getActualTypeArguments();
      if (raw == List.class && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), arguments[0], path + "[" + i + "]", problems);
        }
      } else if (raw == Map.class && node.isObject()) {
        node.fields()
            .forEachRemaining(
                e -> walk(e.getValue(), arguments[1], path + "." + e.getKey(), problems));
      } else if (raw == Optional.class) {
        walk(node, arguments[0], path, problems);
      }
    }
  }
}
