package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.asStudent;
import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.confirmPayment;
import static org.gradphoto.capture.CaptureTestSupport.portrait;
import static org.gradphoto.capture.CaptureTestSupport.publish;
import static org.gradphoto.capture.CaptureTestSupport.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, item 1: the wrong WeChat account took a roster entry, paid and submitted a photo of
 * someone; an operator unbinds it. From BindingRevoked on, capture refuses that account everything
 * about the collection and holds none of its photos; the rightful student, granted the same
 * collection, continues it (paid, nothing of the other's shown), and a late decision on the dropped
 * photo cannot lock the collection.
 */
@QuarkusTest
class RevokedBindingAttackTest {
  private static final UUID BATCH = UUID.randomUUID();

  @BeforeEach
  void modelsLoaded() {
    CaptureTestSupport.awaitReady();
  }

  @Test
  void the_old_account_is_refused_at_once_and_the_rightful_student_continues_the_same_collection() {
    UUID wrong = UUID.randomUUID();
    UUID rightful = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    UUID entry = UUID.randomUUID();
    publish(Topics.IDENTITY_EVENTS, granted(collection, wrong, entry), collection);
    confirmPayment(collection);
    assertEquals("READY_TO_SHOOT", awaitPhase(wrong, collection, "READY_TO_SHOOT"));
    String taken =
        upload(wrong, collection, portrait("idpass_2.jpg"))
            .then()
            .statusCode(201)
            .extract()
            .path("attemptId");
    asStudent(wrong)
        .post("/collections/" + collection + "/attempts/" + taken + "/submit")
        .then()
        .statusCode(200);
    assertEquals(3, CaptureTestSupport.storedKeys(collection).size());

    publish(
        Topics.IDENTITY_EVENTS,
        new BindingRevoked(collection, wrong, entry, BATCH, "10999", Instant.now()),
        collection);
    int status =
        Eventually.await(
            () -> asStudent(wrong).get("/collections/" + collection).statusCode(),
            404,
            Duration.ofSeconds(20));
    assertEquals(404, status, "the unbound account still sees the collection");
    upload(wrong, collection, portrait("idpass_2.jpg")).then().statusCode(404);
    asStudent(wrong).get("/collections/" + collection + "/attempts").then().statusCode(404);
    asStudent(wrong)
        .get("/collections/" + collection + "/attempts/" + taken)
        .then()
        .statusCode(404);
    assertTrue(
        CaptureTestSupport.storedKeys(collection).isEmpty(),
        "the other person's photos are still stored");

    // The rightful student is granted the same collection: it is paid and starts afresh.
    publish(Topics.IDENTITY_EVENTS, granted(collection, rightful, entry), collection);
    assertEquals("READY_TO_SHOOT", awaitPhase(rightful, collection, "READY_TO_SHOOT"));
    asStudent(rightful)
        .get("/collections/" + collection + "/attempts")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    asStudent(wrong).get("/collections/" + collection).then().statusCode(404);
    String own =
        upload(rightful, collection, portrait("idpass_2.jpg"))
            .then()
            .statusCode(201)
            .body("number", equalTo(1))
            .extract()
            .path("attemptId");
    asStudent(rightful)
        .post("/collections/" + collection + "/attempts/" + own + "/submit")
        .then()
        .statusCode(200);

    // A reviewer's late pass of the dropped photo, then a rejection of the rightful one (same
    // partition, so applied in this order): had the pass locked the collection, the rejection
    // would be ignored and the phase would stay PASSED.
    publish(
        Topics.REVIEW_EVENTS,
        new ReviewPassed(
            collection,
            UUID.fromString(taken),
            UUID.randomUUID(),
            BATCH,
            "10999",
            "r1",
            "key",
            Instant.now()),
        collection);
    publish(
        Topics.REVIEW_EVENTS,
        new ReviewRejected(
            collection,
            UUID.fromString(own),
            UUID.randomUUID(),
            BATCH,
            "10999",
            "r1",
            List.of(new ReviewRejected.Reason("HAIR_COVERS_EARS", "头发遮挡了耳朵，请把头发拢到耳后重拍。")),
            Instant.now()),
        collection);
    assertEquals("RETAKE_REQUESTED", awaitPhase(rightful, collection, "RETAKE_REQUESTED"));
  }

  private static EligibilityGranted granted(UUID collection, UUID student, UUID entry) {
    return new EligibilityGranted(
        collection,
        student,
        BATCH,
        "2026 届本科",
        "10999",
        "测试大学",
        entry,
        "2022000001",
        "测试学生",
        "RESIDENT_ID",
        "**************1234",
        "sealed",
        "BACHELOR",
        3000,
        EligibilityGranted.PAY_BEFORE_CAPTURE,
        "chsi-graduation",
        "PT24H",
        false,
        List.of("#64C5FF", "white"),
        10 * 1024,
        20 * 1024 * 1024,
        Instant.now().plus(Duration.ofDays(30)));
  }
}
