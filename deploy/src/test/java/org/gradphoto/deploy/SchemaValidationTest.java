package org.gradphoto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay and validates each object: Kubernetes, Gateway API, Prometheus operator,
 * Traefik and CloudNativePG objects against the JSON schemas of the kubernetes-models npm packages
 * (strict: unknown fields fail); Strimzi resources and the Keycloak realm against the projects' own
 * Java models (CustomResourceModels). What neither covers is listed in NO_SCHEMA_IN_REACH and
 * nothing else may go unchecked.
 */
class SchemaValidationTest {
  /** Kinds whose schemas are in none of the reachable registries' packages (see README). */
  static final Set<String> NO_SCHEMA_IN_REACH = Set.of("k8s.keycloak.org/v2alpha1 Keycloak");

  static List<String> overlays() throws Exception {
    return Chart.overlays();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void helmLintPasses(String overlay) throws Exception {
    Chart.Result lint =
        Chart.run(
            List.of(
                Chart.helm(),
                "lint",
                "--strict",
                Chart.DIR.toString(),
                "--values",
                Chart.DIR.resolve("values-" + overlay + ".yaml").toString()));
    assertEquals(0, lint.exitCode(), lint.stdout() + lint.stderr());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyRenderedObjectIsValid(String overlay) throws Exception {
    Path rendered = Chart.render(overlay);
    Chart.Result result =
        Chart.run(
            List.of("node", Chart.TOOLS.resolve("validate.mjs").toString(), rendered.toString()));
    ObjectMapper json = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    Set<String> noSchema = new TreeSet<>();
    int valid = 0;
    for (String line : result.stdout().lines().toList()) {
      JsonNode r = json.readTree(line);
      String what = r.path("kind").asText() + " " + r.path("name").asText();
      switch (r.path("status").asText()) {
        case "valid" -> valid++;
        case "no-schema" -> noSchema.add(r.path("apiVersion").asText() + " " + what);
        default -> problems.add(what + ": " + r.path("errors"));
      }
    }
    assertTrue(problems.isEmpty(), overlay + ": invalid objects\n" + String.join("\n", problems));
    assertTrue(result.exitCode() == 0, result.stderr());

    List<JsonNode> objects = Chart.objects(rendered);
    int checkedByModels = 0;
    for (JsonNode object : objects) {
      String what = object.path("apiVersion").asText() + " " + object.path("kind").asText();
      String name = object.path("metadata").path("name").asText();
      if (!noSchema.contains(what + " " + name)) {
        continue;
      }
      if (CustomResourceModels.covers(object)) {
        checkedByModels++;
        List<String> found = CustomResourceModels.problems(object);
        assertTrue(found.isEmpty(), overlay + ": " + what + " " + name + ": " + found);
      } else {
        assertTrue(
            NO_SCHEMA_IN_REACH.contains(what),
            overlay + ": " + what + " " + name + " is validated by nothing");
      }
    }
    assertEquals(objects.size(), result.stdout().lines().count(), "validator saw every object");
    assertTrue(valid > 40 && checkedByModels > 10, valid + " valid, " + checkedByModels);
  }
}
