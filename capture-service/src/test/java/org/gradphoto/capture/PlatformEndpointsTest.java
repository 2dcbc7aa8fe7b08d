package org.gradphoto.capture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformEndpointsTest {
  @Test
  void health_is_up_with_the_database_checked_once_the_models_are_loaded() {
    CaptureTestSupport.awaitReady();
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(containsString("Reactive PostgreSQL"))
        .body(containsString("photo standardization models"));
  }

  @Test
  void metrics_and_the_openapi_document_are_published() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("capture_engine_queued"));
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("capture-service"));
  }

  @Test
  void an_unknown_route_answers_problem_json() {
    given()
        .get("/no-such-route")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
