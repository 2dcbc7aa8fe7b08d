package org.gradphoto.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every service publishes the same way: readiness with its database checked, Prometheus
 * metrics, the OpenAPI document under its own name, and problem+json for a route it does not have.
 * A service's {@code @QuarkusTest} extends this and names itself.
 */
public abstract class PlatformEndpointsContract {
  private final String service;

  protected PlatformEndpointsContract(String service) {
    this.service = service;
  }

  @Test
  void health_is_up_with_the_database_checked() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(containsString("Reactive PostgreSQL"));
  }

  @Test
  void metrics_and_the_openapi_document_are_published() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("info.title", equalTo(service));
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
