package org.gradphoto.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.Fixtures.Student;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.StudentTokens;
import org.junit.jupiter.api.Test;

/**
 * Review results from Kafka: the student's status moves, a subscription message goes out (sandbox)
 * only against an unused authorisation, and every attempt is recorded.
 */
@QuarkusTest
class NotificationTest {

  private static List<String> outcomes(UUID collectionId) {
    return given()
        .auth()
        .oauth2(Fixtures.staff("operator"))
        .get("/collections/" + collectionId + "/notifications")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("outcome");
  }

  private static io.restassured.response.ValidatableResponse consent(String token, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .post("/students/me/notification-consent")
        .then();
  }

  @Test
  void a_student_who_authorised_once_is_told_once_and_every_attempt_is_recorded() {
    Student s =
        Student.of(
            UUID.randomUUID(), "10997", "2023200101", "110105200005051234", "chsi-graduation");
    Fixtures.grant(s);
    String token = StudentTokens.forStudent(s.studentId());
    consent(token, "{\"accepted\":true}")
        .statusCode(200)
        .body("authorised", equalTo(true))
        .body("available", equalTo(1));

    Fixtures.publish(
        Topics.REVIEW_EVENTS,
        new ReviewRejected(
            s.collectionId(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            s.batchId(),
            s.schoolCode(),
            "r1",
            List.of(new ReviewRejected.Reason("HEAD_TILTED", "头部歪斜，请正对镜头重拍")),
            Instant.now()),
        s.collectionId());
    assertEquals(
        List.of("SENT"),
        Eventually.await(
            () -> outcomes(s.collectionId()), List.of("SENT"), Duration.ofSeconds(60)));
    given()
        .auth()
        .oauth2(token)
        .get("/students/me/collections")
        .then()
        .body("[0].status", equalTo("REJECTED"))
        .body("[0].statusLabel", equalTo("初审失败，请重拍"));

    Fixtures.publish(
        Topics.REVIEW_EVENTS,
        new ReviewPassed(
            s.collectionId(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            s.batchId(),
            s.schoolCode(),
            "r1",
            "standardized/x.jpg",
            Instant.now()),
        s.collectionId());
    List<String> both = List.of("SENT", "SKIPPED_NO_CONSENT");
    assertEquals(
        both, Eventually.await(() -> outcomes(s.collectionId()), both, Duration.ofSeconds(60)));
    given()
        .auth()
        .oauth2(token)
        .get("/students/me/notification-consent")
        .then()
        .body("authorised", equalTo(false))
        .body("accepted", equalTo(1));
    given()
        .auth()
        .oauth2(token)
        .get("/students/me/collections")
        .then()
        .body("[0].status", equalTo("REVIEW_PASSED"));
  }

  @Test
  void a_declined_authorisation_is_recorded_and_allows_nothing() {
    String token = StudentTokens.forStudent(UUID.randomUUID());
    consent(token, "{\"accepted\":false}")
        .statusCode(200)
        .body("authorised", equalTo(false))
        .body("declined", equalTo(1));
    consent(token, "{}").statusCode(400);
  }
}
