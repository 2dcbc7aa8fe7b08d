package org.gradphoto.review.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.gradphoto.review.domain.Finding;
import org.gradphoto.review.domain.GivenReason;

/** The few list and map values kept as JSON text columns. */
final class JsonColumns {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Double>> GEOMETRY = new TypeReference<>() {};
  private static final TypeReference<List<GivenReason>> REASONS = new TypeReference<>() {};

  private JsonColumns() {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value cannot be stored as JSON", e);
    }
  }

  static List<Finding> findings(String json) {
    return read(json, FINDINGS, List.of());
  }

  static Map<String, Double> geometry(String json) {
    return read(json, GEOMETRY, Map.of());
  }

  static List<GivenReason> reasons(String json) {
    return read(json, REASONS, List.of());
  }

  private static <T> T read(String json, TypeReference<T> type, T empty) {
    if (json == null || json.isBlank()) {
      return empty;
    }
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable", e);
    }
  }
}
