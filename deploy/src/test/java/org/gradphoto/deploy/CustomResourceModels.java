package org.gradphoto.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strimzi.api.kafka.model.common.UnknownPropertyPreserving;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Checks the custom resources that no JSON-schema package covers against the projects' own Java
 * models from Maven Central: Strimzi's {@code io.strimzi:api} (the classes its CRDs are generated
 * from) and Keycloak's {@code RealmRepresentation} (what a realm import is read into). Types, enums
 * and field names are checked; fields the model does not know are errors.
 */
final class CustomResourceModels {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .build();

  private static final Map<String, Class<?>> STRIMZI =
      Map.of(
          "Kafka",
          Kafka.class,
          "KafkaNodePool",
          KafkaNodePool.class,
          "KafkaTopic",
          KafkaTopic.class,
          "KafkaUser",
          KafkaUser.class);

  private CustomResourceModels() {}

  /** True when this object is one these models check. */
  static boolean covers(JsonNode object) {
    String group = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    return group.equals("kafka.strimzi.io/v1beta2") && STRIMZI.containsKey(kind)
        || group.equals("k8s.keycloak.org/v2alpha1") && kind.equals("KeycloakRealmImport");
  }

  /** Problems found in one object; empty when it is valid. */
  static List<String> problems(JsonNode object) {
    List<String> problems = new ArrayList<>();
    String kind = object.path("kind").asText();
    try {
      if (kind.equals("KeycloakRealmImport")) {
        JsonNode spec = object.path("spec");
        if (!spec.path("keycloakCRName").isTextual()) {
          problems.add("spec.keycloakCRName: missing");
        }
        STRICT.treeToValue(spec.path("realm"), RealmRepresentation.class);
      } else {
        Object model = STRICT.treeToValue(object, STRIMZI.get(kind));
        unknown(model, kind, problems);
        // What the model did not keep as given (an enum value it maps to null, say) differs here.
        // (apiVersion aside: the model writes the version it prefers, v1beta2 and v1 are served)
        JsonNode given = object.deepCopy();
        ((ObjectNode) given).remove("apiVersion");
        lost(given, STRICT.valueToTree(model), kind, problems);
      }
    } catch (Exception e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  private static void lost(JsonNode given, JsonNode kept, String path, List<String> problems) {
    if (given.isObject()) {
      given
          .fields()
          .forEachRemaining(
              f -> lost(f.getValue(), kept.path(f.getKey()), path + "." + f.getKey(), problems));
    } else if (given.isArray()) {
      for (int i = 0; i < given.size(); i++) {
        lost(given.get(i), kept.path(i), path + "[" + i + "]", problems);
      }
    } else if (kept.isMissingNode() && isDefault(given)) {
      return; // the model leaves default values out when it writes itself
    } else if (!sameValue(given, kept)) {
      problems.add(path + ": " + given + " is not a value the model takes (read as " + kept + ")");
    }
  }

  private static boolean isDefault(JsonNode value) {
    return value.isBoolean() && !value.booleanValue()
        || value.isNumber() && value.decimalValue().signum() == 0;
  }

  private static boolean sameValue(JsonNode given, JsonNode kept) {
    if (given.isNumber()) {
      return kept.isNumber() && given.decimalValue().compareTo(kept.decimalValue()) == 0;
    }
    return !kept.isMissingNode()
        && given.isNull() == kept.isNull()
        && given.asText().equals(kept.asText());
  }

  /** Strimzi keeps unknown fields instead of failing: find them anywhere in the tree. */
  private static void unknown(Object value, String path, List<String> problems) throws Exception {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknown(item, path + "[" + i++ + "]", problems);
      }
      return;
    }
    if (!value.getClass().getName().startsWith("io.strimzi.")) {
      return;
    }
    if (value instanceof UnknownPropertyPreserving u
        && u.getAdditionalProperties() != null
        && !u.getAdditionalProperties().isEmpty()) {
      problems.add(path + ": fields not in the model " + u.getAdditionalProperties().keySet());
    }
    for (Method m : value.getClass().getMethods()) {
      boolean getter =
          m.getParameterCount() == 0
              && !Modifier.isStatic(m.getModifiers())
              && m.getName().startsWith("get")
              && !m.getName().equals("getAdditionalProperties")
              && !m.getName().equals("getClass")
              && !m.getReturnType().isPrimitive();
      if (getter) {
        unknown(m.invoke(value), path + "." + m.getName().substring(3), problems);
      }
    }
  }
}
