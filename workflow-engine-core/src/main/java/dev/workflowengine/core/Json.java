package dev.workflowengine.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * The one Jackson configuration of the core: {@code Optional} and {@code java.time} support,
 * durations and instants as ISO-8601 strings, empty optionals left out. Thread-safe.
 */
final class Json {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          // FAIL_ON_NULL_FOR_PRIMITIVES stays off: Jackson applies it to absent record components
          // too, so a definition without "version" or a policy without "retries" would not parse.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .serializationInclusion(JsonInclude.Include.NON_ABSENT)
          .build();

  static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {};

  private Json() {}
}
