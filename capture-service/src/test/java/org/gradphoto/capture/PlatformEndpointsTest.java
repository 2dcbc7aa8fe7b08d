package org.gradphoto.capture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.gradphoto.testsupport.PlatformEndpointsContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {
  PlatformEndpointsTest() {
    super("capture-service");
  }

  /** Readiness waits for the engine's models; the shared checks start once they are loaded. */
  @BeforeEach
  void modelsLoaded() {
    CaptureTestSupport.awaitReady();
  }

  @Test
  void readiness_includes_the_models_and_metrics_the_engine_pool() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(containsString("photo standardization models"));
    given().get("/q/metrics").then().statusCode(200).body(containsString("capture_engine_queued"));
  }
}
