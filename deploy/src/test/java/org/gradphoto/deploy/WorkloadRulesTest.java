package org.gradphoto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules of issue #10 that a schema cannot see: Quarkus health probes on every service, requests and
 * limits on every container, no secret value in the chart, and every Secret the objects reference
 * either made by an operator or explained in deploy/README.md.
 */
class WorkloadRulesTest {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "Job");

  static List<String> overlays() throws Exception {
    return Chart.overlays();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void servicesProbeQuarkusHealthAndEveryContainerIsSized(String overlay) throws Exception {
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    int services = 0;
    for (JsonNode o : objects) {
      if (!WORKLOADS.contains(o.path("kind").asText())) {
        continue;
      }
      String name = o.at("/metadata/name").asText();
      for (JsonNode c : o.at("/spec/template/spec/containers")) {
        JsonNode r = c.path("resources");
        for (String need : List.of("/requests/cpu", "/requests/memory", "/limits/memory")) {
          assertFalse(r.at(need).isMissingNode(), name + " " + c.path("name") + need);
        }
      }
      if (o.at("/metadata/labels/app.kubernetes.io~1component").asText().equals("service")) {
        services++;
        JsonNode app = o.at("/spec/template/spec/containers/0");
        assertEquals("/q/health/started", app.at("/startupProbe/httpGet/path").asText(), name);
        assertEquals("/q/health/ready", app.at("/readinessProbe/httpGet/path").asText(), name);
        assertEquals("/q/health/live", app.at("/livenessProbe/httpGet/path").asText(), name);
        assertEquals(
            Set.of(name),
            Set.copyOf(
                Chart.ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .map(h -> h.at("/spec/scaleTargetRef/name").asText())
                    .filter(name::equals)
                    .toList()),
            name + " has an autoscaler");
        Chart.named(objects, "PodDisruptionBudget", name);
        Chart.named(objects, "NetworkPolicy", name);
      }
    }
    assertEquals(5, services);
    assertEquals(1, Chart.ofKind(objects, "ServiceMonitor").size());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void secretsAreReferencedNeverWrittenAndEachIsExplained(String overlay) throws Exception {
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    assertTrue(Chart.ofKind(objects, "Secret").isEmpty(), "the chart writes no Secret");

    Set<String> referenced = new TreeSet<>();
    for (JsonNode o : objects) {
      o.findParents("secretKeyRef")
          .forEach(p -> referenced.add(p.at("/secretKeyRef/name").asText()));
      o.findParents("secretRef").forEach(p -> referenced.add(p.at("/secretRef/name").asText()));
      o.findParents("usernameSecret")
          .forEach(p -> referenced.add(p.at("/usernameSecret/name").asText()));
      o.findValues("certificateRefs")
          .forEach(refs -> refs.forEach(r -> referenced.add(r.path("name").asText())));
    }
    String readme = Files.readString(Chart.REPO.resolve("deploy/README.md"));
    Set<String> explained = new TreeSet<>();
    Matcher created = Pattern.compile("create secret (?:generic|tls) (\\S+)").matcher(readme);
    while (created.find()) {
      explained.add(created.group(1));
    }
    for (String secret : referenced) {
      // Made by operators: CloudNativePG's database owners, Strimzi's cluster CA and the client
      // certificate of each KafkaUser this chart declares.
      boolean byOperator =
          secret.matches("pg-[a-z]+-app")
              || secret.equals("gradphoto-cluster-ca-cert")
              || Chart.ofKind(objects, "KafkaUser").stream()
                  .anyMatch(u -> u.at("/metadata/name").asText().equals(secret));
      assertTrue(byOperator || explained.contains(secret), secret + " is not in deploy/README.md");
    }
    assertTrue(referenced.containsAll(Set.of("gradphoto-id-keys", "gradphoto-s3", "minio-root")));
  }
}
