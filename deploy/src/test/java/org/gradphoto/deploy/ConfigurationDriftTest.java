package org.gradphoto.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What deploy/ renders must match what the services and the local platform say: the gateway routes
 * (deploy/local's nginx), the Kafka topics (the kernel's {@code Topics}, every service's channels
 * and dead-letter topics, docs/events.md), the databases (one per service, the one its dev profile
 * and deploy/local use), the buckets, the body-size limits and the realm.
 */
class ConfigurationDriftTest {
  private static final Path REPO = Chart.REPO;

  /** deploy/local/lib.sh: the services, the buckets. */
  private static List<String> services;

  private static List<String> buckets;

  /** application.properties of each service. */
  private static Map<String, Properties> properties;

  static List<String> overlays() throws Exception {
    return Chart.overlays();
  }

  @BeforeAll
  static void readTheServicesConfiguration() throws IOException {
    String lib = Files.readString(REPO.resolve("deploy/local/lib.sh"));
    services = bashArray(lib, "SERVICES");
    buckets = bashArray(lib, "BUCKETS");
    properties = new TreeMap<>();
    for (String service : services) {
      Path file = REPO.resolve(service).resolve("src/main/resources/application.properties");
      if (!Files.exists(file)) {
        // A service still being written: nothing of it to compare yet, the deploy side is kept.
        System.out.println("not in this tree yet, its configuration not compared: " + service);
        continue;
      }
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      }
      properties.put(service, p);
    }
    assertEquals(5, services.size(), "deploy/local/lib.sh SERVICES: " + services);
    assertTrue(!properties.isEmpty(), "no service's application.properties found");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theServicesAreTheOnesOfTheRepository(String overlay) throws Exception {
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    Set<String> deployed =
        Chart.ofKind(objects, "Deployment").stream()
            .filter(
                d ->
                    d.at("/metadata/labels/app.kubernetes.io~1component")
                        .asText()
                        .equals("service"))
            .map(d -> d.at("/metadata/name").asText())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(services), deployed);
    properties.forEach(
        (service, p) ->
            assertEquals(service, p.getProperty("quarkus.application.name"), "name of " + service));
  }

  /**
   * deploy/local/up writes `location /api/$short/ { proxy_pass http://…/; … Prefix /api/$short`.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void gatewayRoutesAreTheLocalGatewaysRoutes(String overlay) throws Exception {
    String up = Files.readString(REPO.resolve("deploy/local/up"));
    String lib = Files.readString(REPO.resolve("deploy/local/lib.sh"));
    assertTrue(lib.contains("svc_short() { echo \"${1%-service}\"; }"), "short = name - service");
    assertTrue(up.contains("location /api/$short/ {"), "local: /api/<short>/ per service");
    assertTrue(up.contains("proxy_pass http://127.0.0.1:${SERVICE_PORT[$svc]}/;"), "prefix cut");
    assertTrue(up.contains("proxy_set_header X-Forwarded-Prefix /api/$short;"), "prefix header");
    assertTrue(up.contains("location / {"), "local: the student app at /");

    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    for (String service : services) {
      String prefix = "/api/" + shortName(service);
      JsonNode route = Chart.named(objects, "HTTPRoute", service);
      List<JsonNode> rules = list(route.at("/spec/rules"));
      assertTrue(
          rules.stream().anyMatch(r -> rewrites(r, prefix, "/")), service + ": " + prefix + " → /");
      for (JsonNode rule : rules) {
        String match = rule.at("/matches/0/path/value").asText();
        assertEquals("PathPrefix", rule.at("/matches/0/path/type").asText());
        assertTrue(match.startsWith(prefix), service + " route " + match);
        String rest = match.substring(prefix.length());
        assertTrue(rewrites(rule, match, rest.isEmpty() ? "/" : rest), service + " " + match);
        assertEquals(service, rule.at("/backendRefs/0/name").asText());
        assertEquals(8080, rule.at("/backendRefs/0/port").asInt());
        assertTrue(
            filters(rule, "RequestHeaderModifier").stream()
                .anyMatch(f -> f.toString().contains("\"value\":\"" + prefix + "\"")),
            service + ": X-Forwarded-Prefix " + prefix);
      }
    }
    JsonNode app = Chart.named(objects, "HTTPRoute", "student-app");
    assertEquals("/", app.at("/spec/rules/0/matches/0/path/value").asText());
    assertEquals("student-app", app.at("/spec/rules/0/backendRefs/0/name").asText());
  }

  /** The rate-limited routes exist in identity-service, and have a rate-limit middleware. */
  @ParameterizedTest
  @MethodSource("overlays")
  void loginAndEligibilityAreRateLimited(String overlay) throws Exception {
    String rest = javaSources(REPO.resolve("identity-service/src/main/java"));
    assertTrue(rest.contains("@Path(\"/auth\")") && rest.contains("@Path(\"/wechat-login\")"));
    assertTrue(rest.contains("@Path(\"eligibility/"), "identity-service serves eligibility/…");

    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    Map<String, String> limited = new TreeMap<>();
    for (JsonNode rule :
        list(Chart.named(objects, "HTTPRoute", "identity-service").at("/spec/rules"))) {
      for (JsonNode f : filters(rule, "ExtensionRef")) {
        String middleware = f.at("/extensionRef/name").asText();
        JsonNode m = Chart.named(objects, "Middleware", middleware);
        if (m.at("/spec/rateLimit").isObject()) {
          limited.put(rule.at("/matches/0/path/value").asText(), middleware);
          // Issue #16: keyed on the client's address behind the load balancer, not the LB's, and
          // the services key their per-client limits on the same entry (Traefik appends one).
          int depth = m.at("/spec/rateLimit/sourceCriterion/ipStrategy/depth").asInt();
          assertTrue(depth >= 1, middleware + " is keyed on the load balancer's address");
          assertEquals(
              String.valueOf(depth + 1),
              Chart.named(objects, "ConfigMap", "gradphoto-common")
                  .at("/data/GRADPHOTO_HTTP_CLIENT_ADDRESS_DEPTH")
                  .asText(),
              "the services' client address is the gateway's");
        }
      }
    }
    assertEquals(
        Set.of("/api/identity/auth/wechat-login", "/api/identity/eligibility"), limited.keySet());
  }

  /** Every service route refuses bodies above a limit that is at least what the service takes. */
  @ParameterizedTest
  @MethodSource("overlays")
  void bodyLimitsLetThroughWhatTheServicesAccept(String overlay) throws Exception {
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    for (String service : services) {
      // A service that raised Quarkus' limit (uploads) must get at least as much through the
      // gateway; the others get the gateway's tighter default for JSON.
      String declared =
          properties
              .getOrDefault(service, new Properties())
              .getProperty("quarkus.http.limits.max-body-size");
      long serviceLimit = declared == null ? 0 : bytes(declared);
      for (JsonNode rule : list(Chart.named(objects, "HTTPRoute", service).at("/spec/rules"))) {
        long gatewayLimit =
            filters(rule, "ExtensionRef").stream()
                .map(f -> Chart.named(objects, "Middleware", f.at("/extensionRef/name").asText()))
                .filter(m -> m.at("/spec/buffering").isObject())
                .mapToLong(m -> m.at("/spec/buffering/maxRequestBodyBytes").asLong())
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + ": no body limit"));
        assertTrue(gatewayLimit >= serviceLimit, service + ": " + gatewayLimit);
      }
    }
  }

  /**
   * Every service gets its JVM settings from its own ConfigMap (once: not also from
   * gradphoto-common), and capture-service's heap is the bounded one its upload benchmark runs its
   * bursts in (capture-service/pom.xml {@code capture.pod.jvm}, issue #21: at most 512 MB), with
   * the same collector, rather than a share of the pod's memory the engine's native images need.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void captureRunsInTheHeapItsBenchmarkMeasured(String overlay) throws Exception {
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    assertTrue(
        Chart.named(objects, "ConfigMap", "gradphoto-common")
            .at("/data/JAVA_TOOL_OPTIONS")
            .isMissingNode(),
        "JVM settings in one place per service");
    for (String service : services) {
      String options =
          Chart.named(objects, "ConfigMap", service + "-config")
              .at("/data/JAVA_TOOL_OPTIONS")
              .asText();
      assertTrue(options.contains("-XX:+ExitOnOutOfMemoryError"), service + ": " + options);
      assertTrue(options.contains("--enable-native-access=ALL-UNNAMED"), service + ": " + options);
    }

    Matcher pom =
        Pattern.compile("<capture\\.pod\\.jvm>([^<]+)</capture\\.pod\\.jvm>")
            .matcher(Files.readString(REPO.resolve("capture-service/pom.xml")));
    assertTrue(pom.find(), "capture-service/pom.xml: capture.pod.jvm");
    String benchmark = pom.group(1);
    String pod =
        Chart.named(objects, "ConfigMap", "capture-service-config")
            .at("/data/JAVA_TOOL_OPTIONS")
            .asText();
    assertFalse(pod.contains("MaxRAMPercentage"), "capture's heap is fixed: " + pod);
    assertEquals(jvmOption(benchmark, "-Xmx\\w+"), jvmOption(pod, "-Xmx\\w+"), "heap: " + pod);
    assertEquals(
        jvmOption(benchmark, "-XX:\\+Use\\w+GC"), jvmOption(pod, "-XX:\\+Use\\w+GC"), "GC: " + pod);
    long heap = bytes(jvmOption(pod, "-Xmx\\w+").substring("-Xmx".length()));
    assertTrue(heap <= 512L * 1024 * 1024, "issue #21: heap at most 512 MB, not " + heap);
    long limit =
        bytes(
            Chart.named(objects, "Deployment", "capture-service")
                .at("/spec/template/spec/containers/0/resources/limits/memory")
                .asText()
                .replace("i", ""));
    // The engine's models and images live outside the heap: one worker measured 573 MB resident
    // with a 384 MB heap (deploy/README.md), and a pod runs two workers beside the JVM's own.
    assertTrue(limit >= heap + 1024L * 1024 * 1024, "capture's memory limit " + limit);
  }

  /** The one option matching {@code regex} (e.g. -Xmx512m for "-Xmx\\w+"). */
  private static String jvmOption(String options, String regex) {
    List<String> found =
        Arrays.stream(options.trim().split("\\s+")).filter(o -> o.matches(regex)).toList();
    assertEquals(1, found.size(), regex + " in " + options);
    return found.get(0);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void topicsAreTheKernelsAndTheServicesTopics(String overlay) throws Exception {
    String kernel =
        Files.readString(
            REPO.resolve("shared-kernel/src/main/java/org/gradphoto/kernel/event/Topics.java"));
    Set<String> producerTopics = new TreeSet<>();
    Matcher constant =
        Pattern.compile("public static final String \\w+ = \"([^\"]+)\";").matcher(kernel);
    while (constant.find()) {
      producerTopics.add(constant.group(1));
    }
    assertEquals(5, producerTopics.size(), "Topics constants: " + producerTopics);
    assertTrue(
        kernel.contains("return \"gradphoto.\" + consumingService + \".dead-letter\";"),
        "Topics.deadLetter(service) = gradphoto.<service>.dead-letter");

    // The kernel's defaults give every incoming channel the dead-letter topic of its service.
    Properties defaults = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            REPO.resolve(
                "shared-kernel/src/main/resources/META-INF/microprofile-config.properties"))) {
      defaults.load(r);
    }
    assertEquals(
        "gradphoto.${quarkus.application.name}.dead-letter",
        defaults.getProperty("mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic"),
        "the kernel's default dead-letter topic");

    Set<String> needed = new TreeSet<>(producerTopics);
    for (String service : services) {
      Properties p = properties.get(service);
      if (p == null) {
        needed.add("gradphoto." + service + ".dead-letter"); // every service consumes
        continue;
      }
      for (String key : p.stringPropertyNames()) {
        if (!key.startsWith("mp.messaging.") || key.startsWith("%")) {
          continue;
        }
        if (key.endsWith(".dead-letter-queue.topic")) {
          assertEquals("gradphoto." + service + ".dead-letter", p.getProperty(key), key);
          needed.add(p.getProperty(key));
        } else if (key.endsWith(".topic")) {
          assertTrue(producerTopics.contains(p.getProperty(key)), service + " " + key);
          needed.add(p.getProperty(key));
          if (key.startsWith("mp.messaging.incoming.")) {
            needed.add("gradphoto." + service + ".dead-letter");
          }
        }
      }
    }
    String events = Files.readString(REPO.resolve("docs/events.md"));
    Matcher documented = Pattern.compile("`(gradphoto\\.[a-z-]+-events)`").matcher(events);
    while (documented.find()) {
      assertTrue(producerTopics.contains(documented.group(1)), documented.group(1));
    }

    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    Set<String> deployed = new TreeSet<>();
    for (JsonNode topic : Chart.ofKind(objects, "KafkaTopic")) {
      deployed.add(topic.at("/spec/topicName").asText());
      assertEquals("gradphoto", topic.at("/metadata/labels/strimzi.io~1cluster").asText());
    }
    assertEquals(needed, deployed);
    assertEquals(
        "false",
        Chart.named(objects, "Kafka", "gradphoto")
            .at("/spec/kafka/config/auto.create.topics.enable")
            .asText(),
        "no topic exists that deploy/ does not declare");
  }

  /**
   * Issue #16 item 6: Kafka speaks TLS only, with a client certificate per service, and a service's
   * ACLs allow writing only its own events (and its dead letters) and reading only the topics its
   * channels consume — so a compromised service cannot forge another service's events (an
   * EligibilityGranted from payment-service) nor read what it has no business reading.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void kafkaIsTlsOnlyAndEachServiceMayWriteOnlyItsOwnTopics(String overlay) throws Exception {
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    JsonNode kafka = Chart.named(objects, "Kafka", "gradphoto").at("/spec/kafka");
    assertEquals("simple", kafka.at("/authorization/type").asText(), "Kafka authorizes");
    Set<Integer> ports = new TreeSet<>();
    for (JsonNode listener : list(kafka.at("/listeners"))) {
      assertTrue(listener.path("tls").asBoolean(false), "plaintext listener " + listener);
      assertEquals("tls", listener.at("/authentication/type").asText(), "anonymous " + listener);
      ports.add(listener.path("port").asInt());
    }
    JsonNode common = Chart.named(objects, "ConfigMap", "gradphoto-common").path("data");
    assertEquals("SSL", common.path("KAFKA_SECURITY_PROTOCOL").asText());
    String bootstrap = common.path("KAFKA_BOOTSTRAP_SERVERS").asText();
    assertTrue(
        ports.contains(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1))),
        "the services connect to a TLS listener: " + bootstrap);

    for (String service : services) {
      Properties p = properties.get(service);
      if (p == null) {
        continue;
      }
      Set<String> expected = new TreeSet<>();
      expected.add("topic gradphoto." + shortName(service) + "-events [Describe, Write]");
      boolean consumes = false;
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
          expected.add("topic " + p.getProperty(key) + " [Describe, Read]");
          consumes = true;
        }
        if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
          assertTrue(p.getProperty(key).startsWith(service), key + " starts with " + service);
        }
      }
      if (consumes) {
        expected.add("topic gradphoto." + service + ".dead-letter [Describe, Read, Write]");
        expected.add("group " + service + "* [Read]");
      }
      JsonNode user = null;
      for (JsonNode u : Chart.ofKind(objects, "KafkaUser")) {
        if (u.at("/metadata/name").asText().equals("gradphoto-kafka-" + shortName(service))) {
          user = u;
        }
      }
      assertTrue(user != null, "KafkaUser of " + service);
      assertEquals("tls", user.at("/spec/authentication/type").asText());
      Set<String> granted = new TreeSet<>();
      for (JsonNode acl : list(user.at("/spec/authorization/acls"))) {
        JsonNode r = acl.path("resource");
        List<String> ops = new ArrayList<>();
        list(acl.path("operations")).forEach(o -> ops.add(o.asText()));
        ops.sort(null);
        granted.add(
            r.path("type").asText()
                + " "
                + r.path("name").asText()
                + (r.path("patternType").asText().equals("prefix") ? "*" : "")
                + " "
                + ops);
      }
      assertEquals(expected, granted, "ACLs of " + service);

      // The Deployment presents that user's certificate and trusts the cluster's CA.
      JsonNode pod = Chart.named(objects, "Deployment", service).at("/spec/template/spec");
      String volumes = pod.path("volumes").toString();
      assertTrue(volumes.contains("\"secretName\":\"" + user.at("/metadata/name").asText() + "\""));
      assertTrue(volumes.contains("\"secretName\":\"gradphoto-cluster-ca-cert\""), volumes);
      String env = pod.at("/containers/0/env").toString();
      assertTrue(
          env.contains(
              "\"name\":\"" + user.at("/metadata/name").asText() + "\",\"key\":\"user.password\""),
          service + " keystore password from its KafkaUser: " + env);
    }
    assertEquals(
        properties.size(), Chart.ofKind(objects, "KafkaUser").size(), "one KafkaUser per service");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void eachServiceHasItsOwnDatabaseAndReachesOnlyThat(String overlay) throws Exception {
    String up = Files.readString(REPO.resolve("deploy/local/up"));
    assertTrue(up.contains("db=\"$(svc_short \"$svc\")\""), "local: database = short name");
    assertTrue(
        up.contains("\"QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$db\""),
        "local: Flyway migrates the database the service uses");
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    for (String service : services) {
      String db = shortName(service);
      Properties p = properties.get(service);
      if (p != null) {
        assertEquals("postgresql", p.getProperty("quarkus.datasource.db-kind"));
        assertTrue(
            p.getProperty("%dev.quarkus.datasource.reactive.url").endsWith("/" + db), service);
        assertEquals(
            "jdbc:" + p.getProperty("%dev.quarkus.datasource.reactive.url"),
            p.getProperty("%dev.quarkus.datasource.jdbc.url"),
            service + ": Flyway migrates the database the service uses");
        assertEquals(db, p.getProperty("%dev.quarkus.datasource.username"), service);
      }

      JsonNode cluster = Chart.named(objects, "Cluster", "pg-" + db);
      assertEquals(db, cluster.at("/spec/bootstrap/initdb/database").asText());
      assertEquals(db, cluster.at("/spec/bootstrap/initdb/owner").asText());
      assertEquals(
          "postgresql://pg-" + db + "-rw:5432/" + db,
          Chart.named(objects, "ConfigMap", service + "-config")
              .at("/data/QUARKUS_DATASOURCE_REACTIVE_URL")
              .asText());
      assertEquals(
          "jdbc:postgresql://pg-" + db + "-rw:5432/" + db,
          Chart.named(objects, "ConfigMap", service + "-config")
              .at("/data/QUARKUS_DATASOURCE_JDBC_URL")
              .asText(),
          service + ": Flyway migrates the database the service uses");
      String env = Chart.named(objects, "Deployment", service).at("/spec/template/spec").toString();
      assertTrue(env.contains("\"name\":\"pg-" + db + "-app\",\"key\":\"password\""), service);

      JsonNode policy = Chart.named(objects, "NetworkPolicy", service);
      Set<String> databases = new TreeSet<>();
      for (JsonNode rule : list(policy.at("/spec/egress"))) {
        for (JsonNode to : list(rule.path("to"))) {
          JsonNode cnpg = to.at("/podSelector/matchLabels/cnpg.io~1cluster");
          if (!cnpg.isMissingNode()) {
            databases.add(cnpg.asText());
          }
        }
      }
      assertEquals(Set.of("pg-" + db), databases, service + " reaches only its database");

      JsonNode admits = Chart.named(objects, "NetworkPolicy", "pg-" + db).at("/spec/ingress/0");
      assertEquals(5432, admits.at("/ports/0/port").asInt());
      assertEquals(
          Set.of(
              "{\"app.kubernetes.io/name\":\"" + service + "\"}",
              "{\"cnpg.io/cluster\":\"pg-" + db + "\"}"),
          list(admits.path("from")).stream()
              .map(f -> f.at("/podSelector/matchLabels").toString())
              .collect(Collectors.toSet()),
          "pg-" + db + " admits only " + service + " (and its own instances)");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void bucketsAreTheLocalPlatformsBuckets(String overlay) throws Exception {
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    String setup = Chart.named(objects, "ConfigMap", "minio-setup").at("/data/setup.sh").asText();
    Matcher loop = Pattern.compile("for bucket in ([^;]+);").matcher(setup);
    assertTrue(loop.find(), setup);
    assertEquals(buckets, Arrays.asList(loop.group(1).trim().split("\\s+")));
    String developing = Files.readString(REPO.resolve("docs/DEVELOPING.md"));
    buckets.forEach(b -> assertTrue(developing.contains("`" + b + "`"), b));
  }

  /**
   * The photo bucket's one lifecycle rule expires exactly the keys under capture-service's
   * originals prefix (its {@code PhotoKeys.ORIGINALS}), after the overlay's {@code
   * minio.originalsExpireDays}; the renderings ({@code collections/…}) are outside it.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void originalsExpireByCapturesKeyPrefix(String overlay) throws Exception {
    String originals =
        stringConstant(
            "capture-service/src/main/java/org/gradphoto/capture/application/service/PhotoKeys.java",
            "ORIGINALS");
    assertTrue(originals.endsWith("/") && !"collections/".startsWith(originals), originals);

    JsonNode rule = onlyExpiryRule(overlay, "gradphoto-photos");
    assertEquals(
        new ObjectMapper().createObjectNode().put("Prefix", originals),
        rule.path("Filter"),
        "the rule matches by capture's originals prefix alone");
    assertEquals(minioDays(overlay, "originalsExpireDays"), rule.at("/Expiration/Days").asInt());
  }

  /** The value of a {@code static final String} constant in one of the services' sources. */
  private static String stringConstant(String source, String name) throws Exception {
    Path file = REPO.resolve(source);
    Matcher constant =
        Pattern.compile("static final String " + name + " = \"([^\"]+)\";")
            .matcher(Files.readString(file));
    assertTrue(constant.find(), name + " in " + file);
    return constant.group(1);
  }

  /** The one enabled lifecycle rule the chart's MinIO setup imports for {@code bucket}. */
  private JsonNode onlyExpiryRule(String overlay, String bucket) throws Exception {
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    assertTrue(buckets.contains(bucket), buckets.toString());
    JsonNode lifecycle =
        new ObjectMapper()
            .readTree(
                Chart.named(objects, "ConfigMap", "minio-setup")
                    .at("/data/lifecycle-" + bucket + ".json")
                    .asText());
    List<JsonNode> rules = list(lifecycle.path("Rules"));
    assertEquals(1, rules.size(), lifecycle.toString());
    JsonNode rule = rules.get(0);
    assertEquals("Enabled", rule.path("Status").asText());
    return rule;
  }

  /** A positive number of days under {@code minio.<key>}: the overlay's, else the chart's. */
  private static int minioDays(String overlay, String key) throws Exception {
    JsonNode values =
        new YAMLMapper().readTree(Chart.DIR.resolve("values-" + overlay + ".yaml").toFile());
    JsonNode days = values.at("/minio/" + key);
    if (days.isMissingNode()) {
      days =
          new YAMLMapper().readTree(Chart.DIR.resolve("values.yaml").toFile()).at("/minio/" + key);
    }
    assertTrue(days.asInt() > 0, "minio." + key + " of " + overlay);
    return days.asInt();
  }

  /**
   * The packages bucket's one lifecycle rule expires only package ZIPs (delivery's {@code
   * PackagePlanner.PACKAGES} prefix), after the overlay's {@code minio.packagesExpireDays}: the
   * pinned standard photos and sheets delivery keeps beside them ({@code collections/…}) must stay
   * as long as their batch can be packaged.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void onlyPackageZipsExpireInThePackagesBucket(String overlay) throws Exception {
    String packages =
        stringConstant(
            "delivery-service/src/main/java/org/gradphoto/delivery/domain/PackagePlanner.java",
            "PACKAGES");
    Path pinned =
        REPO.resolve(
            "delivery-service/src/main/java/org/gradphoto/delivery/application/service/CollectionService.java");
    assertTrue(
        Files.readString(pinned).contains("\"collections/\" + c.collectionId()"),
        pinned.toString());
    assertTrue(packages.endsWith("/") && !"collections/".startsWith(packages), packages);

    JsonNode rule = onlyExpiryRule(overlay, "gradphoto-packages");
    assertEquals(
        new ObjectMapper().createObjectNode().put("Prefix", packages),
        rule.path("Filter"),
        "the rule matches package ZIPs alone, never collections/<id>/standard.jpg");
    assertEquals(minioDays(overlay, "packagesExpireDays"), rule.at("/Expiration/Days").asInt());
  }

  /** The realm import is deploy/local's realm; only URLs, demo users and hardening differ. */
  @ParameterizedTest
  @MethodSource("overlays")
  void realmIsTheLocalRealm(String overlay) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode local = json.readTree(REPO.resolve("deploy/local/realm-gradphoto.json").toFile());
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    JsonNode realm =
        Chart.named(objects, "KeycloakRealmImport", "gradphoto-realm").at("/spec/realm");
    assertEquals(local.path("realm"), realm.path("realm"));
    assertEquals(local.path("roles"), realm.path("roles"));
    assertEquals(local.path("components"), realm.path("components"));
    JsonNode localClient = local.at("/clients/0");
    JsonNode client = realm.at("/clients/0");
    assertEquals(localClient.path("clientId"), client.path("clientId"));
    assertEquals(localClient.path("protocolMappers"), client.path("protocolMappers"));
    // Issue #16: staff sign in with code + PKCE only, and no overlay imports the demo users.
    assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), "password grant on");
    assertFalse(
        localClient.path("directAccessGrantsEnabled").asBoolean(true), "local password grant");
    assertTrue(realm.path("users").isMissingNode(), "demo users in " + overlay);
    String host = Chart.named(objects, "HTTPRoute", "student-app").at("/spec/hostnames/0").asText();
    assertEquals("https://" + host + "/*", client.at("/redirectUris/0").asText());
    String issuer =
        Chart.named(objects, "ConfigMap", "gradphoto-common")
            .at("/data/QUARKUS_OIDC_TOKEN_ISSUER")
            .asText();
    String authHost =
        Chart.named(objects, "HTTPRoute", "keycloak").at("/spec/hostnames/0").asText();
    assertEquals("https://" + authHost + "/realms/" + local.path("realm").asText(), issuer);
  }

  /**
   * The staff console is served under /console/ as on the local gateway: its route, its image's
   * layout (the Vite base), and a config.json whose realm is the services' issuer and whose client
   * lets Keycloak send the browser back to /console/ on this host.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void staffConsoleIsServedUnderOnePathAndSignsInThere(String overlay) throws Exception {
    List<JsonNode> objects = Chart.objects(Chart.render(overlay));
    String host = Chart.named(objects, "HTTPRoute", "student-app").at("/spec/hostnames/0").asText();
    JsonNode route = Chart.named(objects, "HTTPRoute", "staff-console");
    assertEquals(host, route.at("/spec/hostnames/0").asText());
    assertEquals("https-app", route.at("/spec/parentRefs/0/sectionName").asText());
    List<JsonNode> rules = list(route.at("/spec/rules"));
    assertEquals(1, rules.size());
    assertEquals("PathPrefix", rules.get(0).at("/matches/0/path/type").asText());
    assertEquals("/console", rules.get(0).at("/matches/0/path/value").asText());
    assertTrue(
        filters(rules.get(0), "URLRewrite").isEmpty(), "the console keeps its /console/ path");
    assertEquals("staff-console", rules.get(0).at("/backendRefs/0/name").asText());
    int port = rules.get(0).at("/backendRefs/0/port").asInt();
    JsonNode service = Chart.named(objects, "Service", "staff-console");
    assertEquals(port, service.at("/spec/ports/0/port").asInt());
    Chart.named(objects, "NetworkPolicy", "staff-console");

    // the build's base path is the route's; the image puts the build there
    String vite = Files.readString(REPO.resolve("staff-console/vite.config.ts"));
    Matcher base = Pattern.compile("base:\\s*'([^']+)'").matcher(vite);
    assertTrue(base.find(), "vite.config.ts base");
    assertEquals("/console/", base.group(1));
    String dockerfile = Files.readString(REPO.resolve("deploy/images/staff-console.Dockerfile"));
    assertTrue(
        dockerfile.contains("COPY staff-console/dist/console/ /usr/share/nginx/html/console/"),
        dockerfile);
    String nginx = Files.readString(REPO.resolve("deploy/images/staff-console.nginx.conf"));
    assertTrue(
        nginx.contains("try_files $uri /console/index.html"), "client-side routes fall back");

    // config.json: mounted where the console fetches it (BASE_URL + config.json)
    JsonNode deployment = Chart.named(objects, "Deployment", "staff-console");
    JsonNode mount =
        list(deployment.at("/spec/template/spec/containers/0/volumeMounts")).stream()
            .filter(m -> m.path("name").asText().equals("config"))
            .findFirst()
            .orElseThrow();
    assertEquals("/usr/share/nginx/html/console/config.json", mount.path("mountPath").asText());
    ObjectMapper json = new ObjectMapper();
    JsonNode config =
        json.readTree(
            Chart.named(objects, "ConfigMap", "staff-console").at("/data/config.json").asText());
    JsonNode local = json.readTree(REPO.resolve("staff-console/public/config.json").toFile());
    List<String> keys = new ArrayList<>();
    config.fieldNames().forEachRemaining(keys::add);
    List<String> localKeys = new ArrayList<>();
    local.fieldNames().forEachRemaining(localKeys::add);
    assertEquals(new TreeSet<>(localKeys), new TreeSet<>(keys));
    assertEquals(local.path("apiBase"), config.path("apiBase"));
    assertEquals(local.path("clientId"), config.path("clientId"));
    String issuer =
        Chart.named(objects, "ConfigMap", "gradphoto-common")
            .at("/data/QUARKUS_OIDC_TOKEN_ISSUER")
            .asText();
    assertEquals(issuer, config.path("oidcAuthority").asText());

    // Keycloak accepts https://<host>/console/ as the redirect and the host as web origin
    JsonNode client =
        list(
                Chart.named(objects, "KeycloakRealmImport", "gradphoto-realm")
                    .at("/spec/realm/clients"))
            .stream()
            .filter(c -> c.path("clientId").equals(config.path("clientId")))
            .findFirst()
            .orElseThrow();
    String consoleRoot = "https://" + host + "/console/";
    assertEquals("https://" + host, client.path("rootUrl").asText(), "links back to the console");
    assertEquals(consoleRoot, client.path("rootUrl").asText() + client.path("baseUrl").asText());
    assertTrue(
        list(client.path("redirectUris")).stream()
            .map(JsonNode::asText)
            .anyMatch(
                u ->
                    u.endsWith("*")
                        ? consoleRoot.startsWith(u.substring(0, u.length() - 1))
                        : u.equals(consoleRoot)),
        "redirect URIs " + client.path("redirectUris") + " miss " + consoleRoot);
    assertTrue(
        list(client.path("webOrigins")).stream()
            .anyMatch(o -> o.asText().equals("https://" + host)),
        "web origins " + client.path("webOrigins"));
  }

  private static boolean rewrites(JsonNode rule, String from, String to) {
    return rule.at("/matches/0/path/value").asText().equals(from)
        && filters(rule, "URLRewrite").stream()
            .anyMatch(
                f ->
                    f.at("/urlRewrite/path/type").asText().equals("ReplacePrefixMatch")
                        && f.at("/urlRewrite/path/replacePrefixMatch").asText().equals(to));
  }

  private static List<JsonNode> filters(JsonNode rule, String type) {
    return list(rule.path("filters")).stream()
        .filter(f -> f.path("type").asText().equals(type))
        .toList();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static String shortName(String service) {
    return service.substring(0, service.length() - "-service".length());
  }

  /** NAME=(a b c) in a bash script. */
  private static List<String> bashArray(String script, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
    assertTrue(m.find(), name + " in deploy/local/lib.sh");
    return Arrays.asList(m.group(1).trim().split("\\s+"));
  }

  /** Quarkus memory sizes: 40M, 512K, 1G or plain bytes. */
  private static long bytes(String size) {
    String s = size.trim().toUpperCase();
    long unit =
        switch (s.charAt(s.length() - 1)) {
          case 'K' -> 1024L;
          case 'M' -> 1024L * 1024;
          case 'G' -> 1024L * 1024 * 1024;
          default -> 1L;
        };
    return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
  }

  private static String javaSources(Path dir) throws IOException {
    List<String> texts = new ArrayList<>();
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        texts.add(Files.readString(f));
      }
    }
    return String.join("\n", texts);
  }
}
