package org.gradphoto.e2e;

import static org.gradphoto.e2e.Platform.CLIENT;
import static org.gradphoto.e2e.Platform.GATEWAY;
import static org.gradphoto.e2e.Platform.KEYCLOAK;
import static org.gradphoto.e2e.Platform.REALM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.gradphoto.e2e.Platform.Answer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #2: everything through the one front door, http://localhost:8080. Every service's health
 * endpoint answers UP through the gateway; every demo staff user gets a token from Keycloak that
 * the services accept, with the roles and schools of the realm; roles are enforced; the demo data
 * is there.
 */
@Order(1)
@ExtendWith(PlatformLogsOnFailure.class)
class GatewaySmokeIT {
  /** user, password, the realm role, the schools claim. */
  static Stream<Arguments> staff() {
    return Stream.of(
        Arguments.of("reviewer", "reviewer", "reviewer", List.of("10999")),
        Arguments.of("schooladmin", "schooladmin", "school-admin", List.of("10999")),
        Arguments.of("schoolviewer", "schoolviewer", "school-viewer", List.of("10999")),
        Arguments.of("operator", "operator", "operator", List.of()));
  }

  @Test
  @DisplayName("the gateway answers /healthz")
  void gateway() {
    Answer a = Platform.get(GATEWAY + "/healthz", null);
    assertEquals(200, a.status(), () -> "GET " + GATEWAY + "/healthz → " + a);
  }

  @ParameterizedTest(name = "GET /api/{0}/q/health through the gateway is UP")
  @ValueSource(strings = {"identity", "payment", "capture", "review", "delivery"})
  void health(String service) {
    String url = GATEWAY + "/api/" + service + "/q/health";
    Answer a = Platform.get(url, null);
    assertEquals(200, a.status(), () -> "GET " + url + " → " + a);
    JsonNode body = a.json();
    assertEquals("UP", body.path("status").asText(), () -> "GET " + url + " → " + a);
    List<String> down = new ArrayList<>();
    body.path("checks")
        .forEach(
            c -> {
              if (!"UP".equals(c.path("status").asText())) {
                down.add(c.toString());
              }
            });
    assertTrue(down.isEmpty(), () -> service + ": checks not UP: " + down);
  }

  @Test
  @DisplayName("a staff endpoint without a token is refused (401)")
  void noToken() {
    Answer a = Platform.get(GATEWAY + "/api/review/staff/me", null);
    assertEquals(401, a.status(), () -> "GET /api/review/staff/me without a token → " + a);
  }

  @Test
  @DisplayName("Keycloak refuses the password grant for the console's client (code + PKCE only)")
  void passwordGrantIsOff() {
    Answer a =
        Platform.postForm(
            KEYCLOAK + "/realms/" + REALM + "/protocol/openid-connect/token",
            Map.of(
                "grant_type", "password",
                "client_id", CLIENT,
                "username", "operator",
                "password", "operator"));
    assertTrue(a.status() == 400 || a.status() == 401, () -> "password grant → " + a);
    assertFalse(a.body().contains("access_token"), () -> "password grant → " + a);
  }

  @ParameterizedTest(name = "{0}: Keycloak code + PKCE sign-in → GET /api/review/staff/me")
  @MethodSource("staff")
  void staffSignIn(String user, String password, String role, List<String> schools) {
    String token = Platform.staffToken(user, password);
    Answer me = Platform.get(GATEWAY + "/api/review/staff/me", token);
    assertEquals(200, me.status(), () -> user + ": GET /api/review/staff/me → " + me);
    JsonNode body = me.json();
    List<String> roles = new ArrayList<>();
    body.path("roles").forEach(r -> roles.add(r.asText()));
    assertTrue(
        roles.contains(role), () -> user + ": roles " + roles + " lack " + role + " — " + me);
    List<String> got = new ArrayList<>();
    body.path("schools").forEach(s -> got.add(s.asText()));
    assertEquals(schools, got, () -> user + ": schools — " + me);
  }

  @ParameterizedTest(name = "{0}: GET /api/payment/operator/orders is {2}")
  @MethodSource("operatorOnly")
  void rolesAreEnforced(String user, String password, int expected) {
    String token = Platform.staffToken(user, password);
    Answer a = Platform.get(GATEWAY + "/api/payment/operator/orders?limit=1", token);
    assertEquals(expected, a.status(), () -> user + ": GET /api/payment/operator/orders → " + a);
  }

  static Stream<Arguments> operatorOnly() {
    return Stream.of(
        Arguments.of("operator", "operator", 200), Arguments.of("reviewer", "reviewer", 403));
  }

  @Test
  @DisplayName("demo data: school 10999 with a batch (deploy/local/demo-data)")
  void demoData() throws Exception {
    Path state = Path.of(System.getProperty("e2e.state", "target/platform.state"));
    boolean loaderFailed =
        Files.isRegularFile(state) && Files.readString(state).contains("demo_data=failed");
    assertFalse(
        loaderFailed,
        "deploy/local/demo-data failed in pre-integration-test (its output is above the tests)");
    String token = Platform.staffToken("schooladmin", "schooladmin");
    Answer school = Platform.get(GATEWAY + "/api/identity/schools/10999", token);
    assertEquals(
        200,
        school.status(),
        () -> "GET /api/identity/schools/10999 → " + school + " (did deploy/local/demo-data run?)");
    Answer batches = Platform.get(GATEWAY + "/api/identity/schools/10999/batches", token);
    assertEquals(
        200, batches.status(), () -> "GET /api/identity/schools/10999/batches → " + batches);
    assertTrue(
        batches.json().isArray() && !batches.json().isEmpty(),
        () -> "school 10999 has no batch: " + batches);
  }

  @Test
  @DisplayName("the read-only school account reads school 10999 and is refused every change")
  void readOnlySchoolAccount() {
    String viewer = Platform.staffToken("schoolviewer", "schoolviewer");
    Answer batches = Platform.get(GATEWAY + "/api/identity/schools/10999/batches", viewer);
    assertEquals(200, batches.status(), () -> "GET …/schools/10999/batches → " + batches);
    assertTrue(!batches.json().isEmpty(), () -> "school 10999 has no batch: " + batches);
    String batch = batches.json().get(0).path("id").asText();
    for (String read :
        new String[] {
          "/api/identity/batches/" + batch + "/progress",
          "/api/identity/batches/" + batch + "/roster",
          "/api/delivery/schools/10999/batches/" + batch + "/packages",
          "/api/review/staff/progress?school=10999"
        }) {
      Answer a = Platform.get(GATEWAY + read, viewer);
      assertEquals(200, a.status(), () -> "schoolviewer: GET " + read + " → " + a);
    }
    for (String write :
        new String[] {
          "/api/identity/schools/10999/batches",
          "/api/delivery/schools/10999/batches/" + batch + "/packages",
          "/api/review/staff/queue/next"
        }) {
      Answer a = Platform.postJson(GATEWAY + write, viewer, "{}");
      assertEquals(403, a.status(), () -> "schoolviewer: POST " + write + " → " + a);
    }
  }

  @Test
  @DisplayName("a 30 MB upload is refused by the gateway itself with 413 problem+json in Chinese")
  void oversizedUpload() throws Exception {
    String url = GATEWAY + "/api/capture/collections/" + UUID.randomUUID() + "/attempts";
    // Expect: 100-continue, as a browser's large upload may: nginx answers from the headers, so
    // the client never writes 30 MB into a connection the gateway is closing.
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(Duration.ofSeconds(60))
            .expectContinue(true)
            .header("Content-Type", "multipart/form-data; boundary=gradphoto")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[30 * 1024 * 1024]))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), () -> "POST " + url + " (30 MB) → " + r.body());
    assertEquals(
        "application/problem+json",
        r.headers().firstValue("Content-Type").orElse(""),
        () -> "POST " + url + " (30 MB) → " + r.headers().map());
    JsonNode problem = Platform.JSON.readTree(r.body());
    assertEquals(413, problem.path("status").asInt(), r::body);
    assertEquals("REQUEST_TOO_LARGE", problem.path("code").asText(), r::body);
    assertTrue(problem.path("detail").asText().contains("太大"), r::body);
  }

  @Test
  @DisplayName("an /api/ path no service serves answers 404 problem+json")
  void unknownApiPath() throws Exception {
    Answer a = Platform.get(GATEWAY + "/api/no-such-service/anything", null);
    assertEquals(404, a.status(), a::toString);
    assertEquals("NOT_FOUND", a.json().path("code").asText(), a::toString);
  }
}
