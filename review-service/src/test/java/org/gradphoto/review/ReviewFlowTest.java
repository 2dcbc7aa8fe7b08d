package org.gradphoto.review;

import static io.restassured.RestAssured.given;
import static org.gradphoto.review.Fixtures.as;
import static org.gradphoto.review.Fixtures.awaitReviewEvent;
import static org.gradphoto.review.Fixtures.operator;
import static org.gradphoto.review.Fixtures.reviewer;
import static org.gradphoto.review.Fixtures.staff;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.PhotoSubmitted;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.review.Fixtures.Student;
import org.gradphoto.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewFlowTest {
  @Inject TestClock clock;

  @AfterEach
  void realTimeAgain() {
    clock.reset();
  }

  private static Map<String, Object> pass() {
    return Map.of("outcome", "PASS");
  }

  private static Map<String, Object> reject(Map<?, ?>... reasons) {
    return Map.of("outcome", "REJECT", "reasons", List.of(reasons));
  }

  private static void claim(String token, String taskId) {
    as(token).post("/staff/tasks/" + taskId + "/claim").then().statusCode(200);
  }

  private static void decide(String token, String taskId, Map<String, Object> body) {
    as(token).body(body).post("/staff/tasks/" + taskId + "/decision").then().statusCode(200);
  }

  @Test
  void two_concurrent_claims_on_one_photo_let_exactly_one_reviewer_win() throws Exception {
    Student s = Student.of("21001");
    s.eligible();
    UUID attempt = s.submits();
    String r1 = reviewer("r1", "21001");
    String r2 = reviewer("r2", "21001");
    String task = s.awaitTask(r1, attempt);

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> claims = new ArrayList<>();
      for (String token : List.of(r1, r2)) {
        Callable<Integer> claim =
            () -> {
              go.await();
              return as(token).post("/staff/tasks/" + task + "/claim").statusCode();
            };
        claims.add(pool.submit(claim));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : claims) {
        statuses.add(f.get());
      }
      assertThat(statuses, containsInAnyOrder(200, 409));
      String winner = statuses.get(0) == 200 ? r1 : r2;
      String loser = winner.equals(r1) ? r2 : r1;

      as(loser)
          .body(pass())
          .post("/staff/tasks/" + task + "/decision")
          .then()
          .statusCode(409)
          .body("code", equalTo("NOT_CLAIMED"));
      as(winner)
          .get("/staff/tasks/" + task)
          .then()
          .body("claim.mine", equalTo(true))
          .body("claim.name", equalTo(winner.equals(r1) ? "r1" : "r2"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void an_abandoned_claim_returns_to_the_queue_when_its_lease_runs_out() {
    Student s = Student.of("21002");
    s.eligible();
    UUID attempt = s.submits();
    String r1 = reviewer("r1", "21002");
    String r2 = reviewer("r2", "21002");
    String task = s.awaitTask(r1, attempt);

    claim(r1, task);
    as(r2)
        .post("/staff/tasks/" + task + "/claim")
        .then()
        .statusCode(409)
        .body("code", equalTo("TASK_CLAIMED"));
    as(r2)
        .queryParam("school", "21002")
        .queryParam("available", true)
        .get("/staff/tasks")
        .then()
        .body("items.id", not(hasItem(task)));

    clock.advance(Duration.ofMinutes(11)); // the lease is 10 minutes

    as(r2)
        .queryParam("school", "21002")
        .queryParam("available", true)
        .get("/staff/tasks")
        .then()
        .body("items.id", hasItem(task));
    claim(r2, task);
    as(r1)
        .body(pass())
        .post("/staff/tasks/" + task + "/decision")
        .then()
        .statusCode(409)
        .body("code", equalTo("NOT_CLAIMED"));
    decide(r2, task, pass());
  }

  @Test
  void a_rejected_photo_is_retaken_and_the_new_photo_passes_to_completion() {
    Student s = Student.of("21003");
    s.eligible();
    UUID first = s.submits();
    String r1 = reviewer("r1", "21003");
    String t1 = s.awaitTask(r1, first);
    claim(r1, t1);
    decide(
        r1,
        t1,
        reject(Map.of("code", "HEAD_TILTED"), Map.of("code", "OTHER", "text", "请把头发扎起来，露出耳朵")));

    ReviewRejected rejected =
        (ReviewRejected)
            EventJson.read(awaitReviewEvent("ReviewRejected", s.collectionId()))
                .orElseThrow()
                .payload();
    assertEquals(first, rejected.attemptId());
    assertEquals("r1", rejected.reviewerId());
    assertEquals(
        List.of(
            new ReviewRejected.Reason("HEAD_TILTED", "头部歪斜或未正对镜头，请端正坐姿、双眼平视镜头后重拍。"),
            new ReviewRejected.Reason("OTHER", "请把头发扎起来，露出耳朵")),
        rejected.reasons());
    assertEquals("REJECTED", s.state(r1, t1));

    s.submits(first, List.of()); // the first photo again, under a new event id: ignored
    UUID second = s.submits();
    String t2 = s.awaitTask(r1, second);
    assertNotEquals(t1, t2);
    claim(r1, t2);
    decide(r1, t2, pass());

    awaitReviewEvent("ReviewPassed", s.collectionId());
    CollectionCompleted completed =
        (CollectionCompleted)
            EventJson.read(awaitReviewEvent("CollectionCompleted", s.collectionId()))
                .orElseThrow()
                .payload();
    assertEquals(second, completed.attemptId());
    assertEquals(s.studentId(), completed.studentId());
    assertEquals("std/" + second + ".jpg", completed.standardizedKey());
    assertEquals("chsi-graduation", completed.specProfile());
    as(r1)
        .get("/staff/tasks/" + t2)
        .then()
        .body("collection.state", equalTo("COMPLETED"))
        .body("collection.stateLabel", equalTo("采集完成"));
    List<String> actions =
        as(r1)
            .get("/staff/collections/" + s.collectionId() + "/audit")
            .jsonPath()
            .getList("action");
    assertEquals(2, actions.stream().filter("OPENED"::equals).count(), actions.toString());
  }

  @Test
  void a_pay_after_review_collection_completes_only_once_the_payment_is_confirmed() {
    Student s = Student.of("21004");
    s.eligible(EligibilityGranted.PAY_AFTER_REVIEW, "P2WD");
    UUID attempt = s.submits();
    String r1 = reviewer("r1", "21004");
    String task = s.awaitTask(r1, attempt);
    Instant due = Instant.parse(as(r1).get("/staff/tasks/" + task).then().extract().path("dueAt"));
    assertTrue(
        due.isAfter(Instant.now().plus(Duration.ofHours(47))),
        "due two working days later: " + due);

    claim(r1, task);
    decide(r1, task, pass());
    awaitReviewEvent("ReviewPassed", s.collectionId());
    as(r1)
        .get("/staff/tasks/" + task)
        .then()
        .body("collection.state", equalTo("PASSED"))
        .body("collection.stateLabel", equalTo("照片初审通过，正在进行信息比对"))
        .body("collection.awaitingPayment", equalTo(true));
    assertEquals(
        0,
        Fixtures.countReviewEvents("CollectionCompleted", s.collectionId(), Duration.ofSeconds(2)));

    s.pays();
    awaitReviewEvent("CollectionCompleted", s.collectionId());
    as(r1).get("/staff/tasks/" + task).then().body("collection.state", equalTo("COMPLETED"));
  }

  @Test
  void a_refund_before_the_review_passes_leaves_a_pay_after_review_collection_unpaid() {
    Student s = Student.of("21004");
    s.eligible(EligibilityGranted.PAY_AFTER_REVIEW, "PT24H");
    UUID order = s.pays();
    UUID attempt = s.submits();
    String r1 = reviewer("r1", "21004");
    String task = s.awaitTask(r1, attempt);
    Eventually.await(
        () -> as(r1).get("/staff/tasks/" + task).then().extract().path("collection.paid"),
        true,
        Fixtures.WAIT);

    s.refunded(order);
    Eventually.await(
        () -> as(r1).get("/staff/tasks/" + task).then().extract().path("collection.paid"),
        false,
        Fixtures.WAIT);
    claim(r1, task);
    decide(r1, task, pass());
    awaitReviewEvent("ReviewPassed", s.collectionId());
    as(r1).get("/staff/tasks/" + task).then().body("collection.awaitingPayment", equalTo(true));
    assertEquals(
        0,
        Fixtures.countReviewEvents("CollectionCompleted", s.collectionId(), Duration.ofSeconds(2)));
  }

  @Test
  void events_in_any_order_still_complete_the_collection() {
    // The photo and the decision come before the roster record.
    Student early = Student.of("21005");
    UUID attempt = early.submits();
    String r1 = reviewer("r1", "21005");
    String task = early.awaitTask(r1, attempt);
    as(r1)
        .get("/staff/tasks/" + task)
        .then()
        .body("promiseKnown", equalTo(false))
        .body("student", nullValue());
    claim(r1, task);
    decide(r1, task, pass());
    awaitReviewEvent("ReviewPassed", early.collectionId());
    early.eligible();
    awaitReviewEvent("CollectionCompleted", early.collectionId());

    // The payment comes before everything else in a pay-after-review batch.
    Student payer = Student.of("21005");
    payer.pays();
    payer.eligible(EligibilityGranted.PAY_AFTER_REVIEW, "PT24H");
    UUID paid = payer.submits();
    String t2 = payer.awaitTask(r1, paid);
    Eventually.await(
        () -> as(r1).get("/staff/tasks/" + t2).then().extract().path("collection.paid"),
        true,
        Fixtures.WAIT);
    claim(r1, t2);
    decide(r1, t2, pass());
    awaitReviewEvent("CollectionCompleted", payer.collectionId());
  }

  @Test
  void every_decision_is_audited_and_only_an_operator_can_reopen_it_with_a_reason() {
    Student s = Student.of("21006");
    s.eligible();
    UUID attempt = s.submits();
    String r1 = reviewer("r1", "21006");
    String task = s.awaitTask(r1, attempt);
    claim(r1, task);
    decide(r1, task, reject(Map.of("code", "BLURRY")));

    as(r1)
        .body(Map.of("reason", "复核"))
        .post("/staff/tasks/" + task + "/reopen")
        .then()
        .statusCode(403)
        .body("code", equalTo("NOT_AN_OPERATOR"));
    as(operator()).body(Map.of()).post("/staff/tasks/" + task + "/reopen").then().statusCode(400);
    as(operator())
        .body(Map.of("reason", "学生申诉：照片清晰"))
        .post("/staff/tasks/" + task + "/reopen")
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"))
        .body("decision", nullValue())
        .body("reopenCount", equalTo(1))
        .body("collection.state", equalTo("IN_REVIEW"));

    claim(r1, task);
    decide(r1, task, pass());
    awaitReviewEvent("CollectionCompleted", s.collectionId());
    as(operator())
        .body(Map.of("reason", "再看一次"))
        .post("/staff/tasks/" + task + "/reopen")
        .then()
        .statusCode(409)
        .body("code", equalTo("COLLECTION_COMPLETED"));

    List<Map<String, Object>> audit = Fixtures.audit(r1, task);
    assertEquals(
        List.of(
            "OPENED",
            "CLAIMED",
            "REJECTED",
            "REOPENED",
            "CLAIMED",
            "PASSED",
            "COMPARED",
            "COMPLETED"),
        audit.stream().map(a -> a.get("action")).toList());
    Map<String, Object> rejected = audit.get(2);
    assertEquals("r1", rejected.get("actorId"));
    assertNotNull(rejected.get("at"));
    assertThat(rejected.get("reasons").toString(), containsString("照片不清晰"));
    Map<String, Object> reopened = audit.get(3);
    assertEquals("op1", reopened.get("actorName"));
    assertEquals("学生申诉：照片清晰", reopened.get("note"));
    as(operator())
        .get("/staff/collections/" + s.collectionId() + "/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("COMPLETED"));
  }

  @Test
  void staff_see_and_decide_only_the_photos_of_their_schools() {
    Student s = Student.of("21007");
    s.eligible();
    UUID attempt = s.submits();
    String mine = reviewer("r1", "21007");
    String task = s.awaitTask(mine, attempt);
    String other = reviewer("r9", "29999");
    String admin = staff("admin1", "school-admin", List.of("21007"));

    as(other)
        .get("/staff/tasks/" + task)
        .then()
        .statusCode(403)
        .body("code", equalTo("NOT_YOUR_SCHOOL"));
    as(other).post("/staff/tasks/" + task + "/claim").then().statusCode(403);
    as(other).queryParam("school", "21007").get("/staff/tasks").then().statusCode(403);
    as(other).get("/staff/tasks").then().statusCode(200).body("items.id", not(hasItem(task)));
    as(admin)
        .get("/staff/tasks/" + task)
        .then()
        .statusCode(200)
        .body("student.name", equalTo("张三"));
    as(admin)
        .post("/staff/tasks/" + task + "/claim")
        .then()
        .statusCode(403)
        .body("code", equalTo("NOT_A_REVIEWER"));
    // a read-only school account reads like the school admin and may neither claim nor decide
    String viewer = staff("viewer1", "school-viewer", List.of("21007"));
    as(viewer).get("/staff/tasks/" + task).then().statusCode(200);
    as(viewer)
        .queryParam("school", "21007")
        .get("/staff/progress")
        .then()
        .statusCode(200)
        .body("schoolCode", hasItem("21007"));
    as(viewer)
        .post("/staff/tasks/" + task + "/claim")
        .then()
        .statusCode(403)
        .body("code", equalTo("NOT_A_REVIEWER"));
    as(viewer).post("/staff/queue/next").then().statusCode(403);
    as(viewer)
        .body(Map.of("outcome", "PASS"))
        .post("/staff/tasks/" + task + "/decision")
        .then()
        .statusCode(403);
    as(staff("viewer9", "school-viewer", List.of("29999")))
        .get("/staff/tasks/" + task)
        .then()
        .statusCode(403)
        .body("code", equalTo("NOT_YOUR_SCHOOL"));
    as(operator()).get("/staff/tasks/" + task).then().statusCode(200);
    given().get("/staff/tasks").then().statusCode(401);
  }

  @Test
  void the_reason_list_gives_each_reason_the_sentence_the_student_reads_and_rejections_need_one() {
    String r1 = reviewer("r1", "21008");
    as(r1)
        .get("/staff/reasons")
        .then()
        .statusCode(200)
        .body("size()", equalTo(12))
        .body("find { it.code == 'HEAD_TILTED' }.message", containsString("头部歪斜"))
        .body("find { it.code == 'SELFIE' }.message", containsString("后置摄像头"))
        .body("find { it.code == 'OTHER' }.needsText", equalTo(true));

    Student s = Student.of("21008");
    s.eligible();
    UUID attempt = s.submits();
    String task = s.awaitTask(r1, attempt);
    claim(r1, task);
    as(r1).body(reject()).post("/staff/tasks/" + task + "/decision").then().statusCode(400);
    as(r1)
        .body(reject(Map.of("code", "OTHER")))
        .post("/staff/tasks/" + task + "/decision")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reasons"));
    as(r1)
        .body(reject(Map.of("code", "NO_SUCH_REASON")))
        .post("/staff/tasks/" + task + "/decision")
        .then()
        .statusCode(400);
    as(r1).get("/staff/tasks/" + task).then().body("status", equalTo("OPEN"));
  }

  @Test
  void the_queue_is_ordered_by_due_time_and_filters_flagged_and_overdue_photos() {
    String school = "21009";
    String r1 = reviewer("r1", school);
    Student slow = Student.of(school);
    slow.eligible(EligibilityGranted.PAY_BEFORE_CAPTURE, "P2WD");
    UUID slowAttempt =
        slow.submits(
            List.of(new PhotoSubmitted.Finding("HEAD_TILTED", "REJECT", "头部歪斜", 7.5, "≤ 5")));
    Student fast = new Student(UUID.randomUUID(), UUID.randomUUID(), slow.batchId(), school);
    fast.eligible();
    UUID fastAttempt = fast.submits();
    String slowTask = slow.awaitTask(r1, slowAttempt);
    String fastTask = fast.awaitTask(r1, fastAttempt);

    as(r1)
        .queryParam("batch", slow.batchId().toString())
        .get("/staff/tasks")
        .then()
        .body("items.id", equalTo(List.of(fastTask, slowTask)))
        .body("total", equalTo(2));
    as(r1)
        .queryParam("batch", slow.batchId().toString())
        .queryParam("flagged", true)
        .get("/staff/tasks")
        .then()
        .body("items.id", equalTo(List.of(slowTask)));

    clock.advance(Duration.ofHours(25));
    as(r1)
        .queryParam("batch", slow.batchId().toString())
        .queryParam("overdue", true)
        .get("/staff/tasks")
        .then()
        .body("items.id", equalTo(List.of(fastTask)));
    as(r1)
        .queryParam("school", school)
        .get("/staff/progress")
        .then()
        .body("find { it.batchId == '" + slow.batchId() + "' }.inReview", equalTo(2))
        .body("find { it.batchId == '" + slow.batchId() + "' }.overdueTasks", equalTo(1))
        .body("find { it.batchId == '" + slow.batchId() + "' }.batchName", equalTo("2027届本科毕业生"));

    // The next task to claim is the earliest due one.
    as(r1)
        .queryParam("batch", slow.batchId().toString())
        .post("/staff/queue/next")
        .then()
        .statusCode(200)
        .body("id", equalTo(fastTask))
        .body("claim.mine", equalTo(true));
  }

  @Test
  void metrics_count_decisions_per_reviewer_and_the_queue_per_school() {
    Student s = Student.of("21010");
    s.eligible();
    UUID attempt = s.submits();
    String r1 = reviewer("metrics-reviewer", "21010");
    String task = s.awaitTask(r1, attempt);
    Eventually.await(
        () ->
            given()
                .get("/q/metrics")
                .asString()
                .contains("review_queue_depth{school=\"21010\"} 1.0"),
        true,
        Fixtures.WAIT);
    claim(r1, task);
    decide(r1, task, pass());
    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString(
                "review_decisions_total{outcome=\"pass\",reviewer=\"metrics-reviewer\"} 1.0"))
        .body(containsString("review_queue_overdue{school=\"21010\"}"));
  }
}
