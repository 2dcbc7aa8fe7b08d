package org.gradphoto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validators catch the mistakes they are there for (else a green check means nothing). */
class ValidatorsRejectMistakesTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void schemaValidatorRejectsUnknownFieldsWrongTypesAndBadEnums() throws Exception {
    Path file = Files.createTempFile("mistakes-", ".yaml");
    Files.writeString(
        file,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: typo }
        spec:
          selector: { matchLabels: { a: b } }
          template:
            metadata: { labels: { a: b } }
            spec:
              containers:
                - name: app
                  image: x
                  readinesProbe: { httpGet: { path: /q/health/ready, port: 8080 } }
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: { name: wrong-type }
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: x }
          maxReplicas: "three"
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: bad-enum }
        spec:
          rules:
            - matches: [{ path: { type: Prefix, value: /api } }]
        ---
        apiVersion: traefik.io/v1alpha1
        kind: Middleware
        metadata: { name: typo }
        spec: { rateLimit: { averag: 5 } }
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: fine, labels: { any-label: ok } }
        data: { ANY_KEY: value }
        """);
    Chart.Result r =
        Chart.run(List.of("node", Chart.TOOLS.resolve("validate.mjs").toString(), file.toString()));
    Files.delete(file);
    List<String> lines = r.stdout().lines().toList();
    assertEquals(5, lines.size(), r.stdout() + r.stderr());
    for (int i = 0; i < 4; i++) {
      assertTrue(lines.get(i).contains("\"invalid\""), lines.get(i));
    }
    assertTrue(lines.get(0).contains("readinesProbe"), lines.get(0));
    assertTrue(lines.get(3).contains("averag"), lines.get(3));
    assertTrue(lines.get(4).contains("\"valid\""), lines.get(4));
    assertEquals(1, r.exitCode());
  }

  @Test
  void schemaValidatorRejectsMisspeltFieldsAndBadEnumsInCloudNativePgClusters() throws Exception {
    Path file = Files.createTempFile("cluster-", ".yaml");
    String cluster =
        """
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata: { name: pg-x }
        spec:
          instances: 3
          primaryUpdateStrategy: %s
          storage: { size: 20Gi }
          bootstrap: { initdb: { database: x, %s: x } }
          postgresql: { parameters: { max_connections: "200" } }
        """;
    Files.writeString(
        file,
        String.join(
            "---\n",
            cluster.formatted("unsupervised", "owner"),
            cluster.formatted("unsupervised", "ownr"),
            cluster.formatted("automatic", "owner")));
    Chart.Result r =
        Chart.run(List.of("node", Chart.TOOLS.resolve("validate.mjs").toString(), file.toString()));
    Files.delete(file);
    List<String> lines = r.stdout().lines().toList();
    assertEquals(3, lines.size(), r.stdout() + r.stderr());
    assertTrue(lines.get(0).contains("\"valid\""), lines.get(0));
    assertTrue(lines.get(1).contains("\"invalid\"") && lines.get(1).contains("ownr"), lines.get(1));
    assertTrue(
        lines.get(2).contains("\"invalid\"") && lines.get(2).contains("primaryUpdateStrategy"),
        lines.get(2));
    assertEquals(1, r.exitCode());
  }

  /** Problems CustomResourceModels finds in a Strimzi object of this kind and spec. */
  private static String strimzi(String kind, String spec) throws Exception {
    JsonNode object =
        YAML.readTree(
            "apiVersion: kafka.strimzi.io/v1beta2\nkind: "
                + kind
                + "\nmetadata: { name: x }\nspec: "
                + spec);
    assertTrue(CustomResourceModels.covers(object));
    return CustomResourceModels.problems(object).toString();
  }

  @Test
  void strimziModelRejectsUnknownFieldsWrongTypesAndBadEnums() throws Exception {
    assertTrue(strimzi("KafkaTopic", "{ topicName: t, partition: 3 }").contains("partition"));
    String pool = "{ replicas: %s, roles: [%s], storage: { type: ephemeral } }";
    assertEquals("[]", strimzi("KafkaNodePool", pool.formatted("1", "broker")));
    assertTrue(strimzi("KafkaNodePool", pool.formatted("\"three\"", "broker")).contains("three"));
    assertTrue(strimzi("KafkaNodePool", pool.formatted("1", "leader")).contains("leader"));
    String listener = "{ kafka: { listeners: [{ name: plain, port: 9092, type: internal, %s }] } }";
    assertEquals("[]", strimzi("Kafka", listener.formatted("tls: false")));
    assertTrue(strimzi("Kafka", listener.formatted("tsl: false")).contains("tsl"));
  }

  @Test
  void realmModelRejectsUnknownFields() throws Exception {
    JsonNode realm =
        YAML.readTree(
            """
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: KeycloakRealmImport
            metadata: { name: r }
            spec: { keycloakCRName: kc, realm: { realm: x, enabeld: true } }
            """);
    assertTrue(CustomResourceModels.problems(realm).toString().contains("enabeld"));
  }
}
