package org.gradphoto.review;

import static org.gradphoto.review.Fixtures.WAIT;
import static org.gradphoto.review.Fixtures.as;
import static org.gradphoto.review.Fixtures.awaitReviewEvent;
import static org.gradphoto.review.Fixtures.publish;
import static org.gradphoto.review.Fixtures.reviewer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.review.Fixtures.Student;
import org.gradphoto.testsupport.Eventually;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, item 1: the photo the wrong account submitted leaves the review queue when its binding
 * is revoked, no reviewer can pass it any more, and the rightful student, granted the same
 * collection, completes it with their own photo (one collection, one photo for the roster entry).
 */
@QuarkusTest
class RevokedBindingAttackTest {

  @Test
  void
      a_revoked_accounts_photo_cannot_be_passed_and_the_rightful_student_completes_the_collection() {
    Student wrong = Student.of("21090");
    wrong.eligible();
    wrong.pays();
    UUID taken = wrong.submits();
    String r1 = reviewer("r1", "21090");
    String task = wrong.awaitTask(r1, taken);

    publish(
        new BindingRevoked(
            wrong.collectionId(),
            wrong.studentId(),
            UUID.randomUUID(),
            wrong.batchId(),
            "21090",
            Instant.now()),
        wrong.collectionId());
    assertEquals(
        "SUPERSEDED",
        Eventually.await(
            () -> as(r1).get("/staff/tasks/" + task).then().extract().path("status"),
            "SUPERSEDED",
            WAIT));
    as(r1).post("/staff/tasks/" + task + "/claim").then().statusCode(409);
    as(r1)
        .queryParam("school", "21090")
        .queryParam("available", true)
        .get("/staff/tasks")
        .then()
        .body("items.id", not(hasItem(task)));

    Student rightful =
        new Student(wrong.collectionId(), UUID.randomUUID(), wrong.batchId(), wrong.school());
    rightful.eligible();
    UUID own = rightful.submits();
    String second = rightful.awaitTask(r1, own);
    as(r1).post("/staff/tasks/" + second + "/claim").then().statusCode(200);
    as(r1)
        .body(Map.of("outcome", "PASS"))
        .post("/staff/tasks/" + second + "/decision")
        .then()
        .statusCode(200);
    CollectionCompleted completed =
        (CollectionCompleted)
            EventJson.read(awaitReviewEvent("CollectionCompleted", wrong.collectionId()))
                .orElseThrow()
                .payload();
    assertEquals(own, completed.attemptId());
    assertEquals(rightful.studentId(), completed.studentId());
    as(r1).get("/staff/tasks/" + second).then().body("collection.state", equalTo("COMPLETED"));
  }
}
