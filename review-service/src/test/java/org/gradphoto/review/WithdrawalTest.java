package org.gradphoto.review;

import static io.restassured.RestAssured.given;
import static org.gradphoto.review.Fixtures.as;
import static org.gradphoto.review.Fixtures.awaitReviewEvent;
import static org.gradphoto.review.Fixtures.reviewer;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.SubmissionWithdrawn;
import org.gradphoto.review.Fixtures.Student;
import org.gradphoto.testsupport.StudentTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WithdrawalTest {
  @Inject TestClock clock;

  @AfterEach
  void realTimeAgain() {
    clock.reset();
  }

  private static Response withdraw(UUID studentId, UUID collectionId) {
    return given()
        .auth()
        .oauth2(StudentTokens.forStudent(studentId))
        .contentType("application/json")
        .post("/students/me/collections/" + collectionId + "/withdrawal");
  }

  @Test
  void an_unclaimed_photo_is_withdrawn_leaves_the_queue_and_the_same_attempt_can_come_back() {
    Student s = Student.of("23001");
    s.eligible();
    UUID attempt = s.submits();
    String r1 = reviewer("r1", "23001");
    String task = s.awaitTask(r1, attempt);

    withdraw(s.studentId(), s.collectionId())
        .then()
        .statusCode(200)
        .body("attemptId", equalTo(attempt.toString()))
        .body("state", equalTo("AWAITING_PHOTO"));

    SubmissionWithdrawn event =
        (SubmissionWithdrawn)
            EventJson.read(awaitReviewEvent("SubmissionWithdrawn", s.collectionId()))
                .orElseThrow()
                .payload();
    assertEquals(attempt, event.attemptId());
    assertEquals(UUID.fromString(task), event.reviewTaskId());
    assertEquals(s.studentId(), event.studentId());

    as(r1)
        .queryParam("school", "23001")
        .get("/staff/tasks")
        .then()
        .body("items.id", not(hasItem(task)));
    as(r1)
        .post("/staff/tasks/" + task + "/claim")
        .then()
        .statusCode(409)
        .body("code", equalTo("TASK_WITHDRAWN"));
    as(r1).get("/staff/tasks/" + task).then().body("status", equalTo("WITHDRAWN"));
    List<Map<String, Object>> audit = Fixtures.audit(r1, task);
    assertEquals(List.of("OPENED", "WITHDRAWN"), audit.stream().map(a -> a.get("action")).toList());
    assertEquals(s.studentId().toString(), audit.get(1).get("actorId"));

    // nothing waits any more
    withdraw(s.studentId(), s.collectionId())
        .then()
        .statusCode(409)
        .body("code", equalTo("NOTHING_TO_WITHDRAW"));

    // the student submits the same attempt again: a new task, in review again
    s.submits(attempt, List.of());
    String again = s.awaitTask(r1, attempt);
    assertNotEquals(task, again);
    assertEquals("IN_REVIEW", s.state(r1, again));
  }

  @Test
  void a_claimed_photo_cannot_be_withdrawn_until_the_claim_runs_out() {
    Student s = Student.of("23002");
    s.eligible();
    UUID attempt = s.submits();
    String r1 = reviewer("r1", "23002");
    String task = s.awaitTask(r1, attempt);
    as(r1).post("/staff/tasks/" + task + "/claim").then().statusCode(200);

    withdraw(s.studentId(), s.collectionId())
        .then()
        .statusCode(409)
        .contentType(containsString("application/problem+json"))
        .body("code", equalTo("ALREADY_CLAIMED"))
        .body("detail", containsString("审核员已开始审核，不能撤回"));
    as(r1).get("/staff/tasks/" + task).then().body("status", equalTo("OPEN"));

    clock.advance(Duration.ofMinutes(11)); // the lease is 10 minutes: the claim is abandoned
    withdraw(s.studentId(), s.collectionId()).then().statusCode(200);
    as(r1).get("/staff/tasks/" + task).then().body("status", equalTo("WITHDRAWN"));
  }

  @Test
  void a_decided_photo_and_someone_elses_collection_cannot_be_withdrawn() {
    Student s = Student.of("23003");
    s.eligible();
    UUID attempt = s.submits();
    String r1 = reviewer("r1", "23003");
    String task = s.awaitTask(r1, attempt);

    withdraw(UUID.randomUUID(), s.collectionId())
        .then()
        .statusCode(404)
        .body("code", equalTo("COLLECTION_NOT_FOUND"));
    withdraw(s.studentId(), UUID.randomUUID()).then().statusCode(404);
    as(r1).get("/staff/tasks/" + task).then().body("status", equalTo("OPEN"));

    as(r1).post("/staff/tasks/" + task + "/claim").then().statusCode(200);
    as(r1)
        .body(Map.of("outcome", "PASS"))
        .post("/staff/tasks/" + task + "/decision")
        .then()
        .statusCode(200);
    withdraw(s.studentId(), s.collectionId())
        .then()
        .statusCode(409)
        .body("code", equalTo("NOTHING_TO_WITHDRAW"));
  }

  @Test
  void a_withdrawal_and_a_claim_at_the_same_moment_let_exactly_one_win() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int studentWins = 0;
    try {
      for (int round = 0; round < 6; round++) {
        Student s = Student.of("23004");
        s.eligible();
        UUID attempt = s.submits();
        String r1 = reviewer("r1", "23004");
        String task = s.awaitTask(r1, attempt);

        CountDownLatch go = new CountDownLatch(1);
        Callable<Response> student =
            () -> {
              go.await();
              return withdraw(s.studentId(), s.collectionId());
            };
        // the claim starts 0–50 ms after the withdrawal, so both orders (and the overlap) occur
        long claimDelayMs = round * 10L;
        Callable<Response> claim =
            () -> {
              go.await();
              Thread.sleep(claimDelayMs);
              return as(r1).post("/staff/tasks/" + task + "/claim");
            };
        Future<Response> w = pool.submit(student);
        Future<Response> c = pool.submit(claim);
        go.countDown();
        Response withdrawal = w.get();
        Response claimed = c.get();
        assertThat(
            "round " + round,
            List.of(withdrawal.statusCode(), claimed.statusCode()),
            containsInAnyOrder(200, 409));

        String status =
            as(r1).get("/staff/tasks/" + task).then().statusCode(200).extract().path("status");
        if (withdrawal.statusCode() == 200) {
          studentWins++;
          assertEquals("TASK_WITHDRAWN", claimed.path("code"));
          assertEquals("WITHDRAWN", status);
          awaitReviewEvent("SubmissionWithdrawn", s.collectionId());
        } else {
          assertEquals("ALREADY_CLAIMED", withdrawal.path("code"));
          assertEquals("OPEN", status);
          as(r1).get("/staff/tasks/" + task).then().body("claim.mine", equalTo(true));
          assertEquals(
              0,
              Fixtures.countReviewEvents(
                  "SubmissionWithdrawn", s.collectionId(), Duration.ofSeconds(2)));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // Which side wins depends on timing; every round exactly one did (asserted above).
    System.out.printf("withdrawal vs claim: the student won %d of 6 rounds%n", studentWins);
  }
}
