package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.asStaff;
import static org.gradphoto.capture.CaptureTestSupport.asStudent;
import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.confirmPayment;
import static org.gradphoto.capture.CaptureTestSupport.grantEligibility;
import static org.gradphoto.capture.CaptureTestSupport.portrait;
import static org.gradphoto.capture.CaptureTestSupport.publish;
import static org.gradphoto.capture.CaptureTestSupport.upload;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.PhotoSubmitted;
import org.gradphoto.kernel.event.PhotosDelivered;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.event.SubmissionWithdrawn;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.KafkaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The student's way through capture, against real PostgreSQL, Kafka and S3. */
@QuarkusTest
class CaptureJourneyTest {

  @BeforeEach
  void modelsLoaded() {
    CaptureTestSupport.awaitReady();
  }

  @Test
  void
      a_paid_student_uploads_previews_retakes_adjusts_submits_is_rejected_retakes_is_locked_after_passing_and_keeps_only_the_chosen_photo()
          throws IOException {
    UUID student = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, student, EligibilityGranted.PAY_BEFORE_CAPTURE, false);

    // Unpaid: the status says to pay first, and an upload is refused.
    assertEquals("AWAITING_PAYMENT", awaitPhase(student, collection, "AWAITING_PAYMENT"));
    asStudent(student)
        .get("/collections/" + collection)
        .then()
        .body("nextStep", containsString("支付"))
        .body("canUpload", equalTo(false));
    upload(student, collection, portrait("idpass_2.jpg"))
        .then()
        .statusCode(402)
        .contentType("application/problem+json")
        .body("code", equalTo("PAYMENT_REQUIRED"))
        .body("detail", containsString("支付"));
    assertTrue(CaptureTestSupport.storedKeys(collection).isEmpty());

    confirmPayment(collection);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));

    // First attempt: too tightly framed, so a REJECT finding in Chinese and no submission.
    Response first = upload(student, collection, portrait("idpass_1.jpg"));
    first
        .then()
        .statusCode(201)
        .body("number", equalTo(1))
        .body("status", equalTo("READY"))
        .body("accepted", equalTo(false))
        .body("submittable", equalTo(false))
        .body("findings.code", hasItem("SHOULDERS_MISSING"))
        .body("findings.find { it.code == 'SHOULDERS_MISSING' }.severity", equalTo("REJECT"))
        .body("findings.find { it.code == 'SHOULDERS_MISSING' }.message", containsString("肩"))
        .body("guide.widthPx", equalTo(480))
        .body("guide.eyeLinePx.min", equalTo(200.0f))
        .body("backgroundColour", equalTo("#64C5FF"))
        // the batch's two colours (its profile also has grey): what the preview offers to choose
        .body("backgroundColours", contains("#64C5FF", "#FFFFFF"));
    String firstId = first.jsonPath().getString("attemptId");
    BufferedImage preview = fetchImage(first.jsonPath().getString("preview.standardizedUrl"));
    assertEquals(480, preview.getWidth());
    assertEquals(640, preview.getHeight());

    asStudent(student)
        .post("/collections/" + collection + "/attempts/" + firstId + "/submit")
        .then()
        .statusCode(422)
        .body("code", equalTo("ATTEMPT_HAS_REJECT_FINDINGS"));

    // Retake on white with a guide frame; a retried request (same Idempotency-Key) is one attempt.
    Response second = retake(student, collection, "retake-1");
    second.then().statusCode(201).body("number", equalTo(2)).body("accepted", equalTo(true));
    String secondId = second.jsonPath().getString("attemptId");
    retake(student, collection, "retake-1")
        .then()
        .statusCode(201)
        .body("attemptId", equalTo(secondId));
    second
        .then()
        .body("backgroundColour", equalTo("#FFFFFF"))
        .body("cropHint.width", equalTo(0.9f));

    asStudent(student)
        .get("/collections/" + collection + "/attempts")
        .then()
        .statusCode(200)
        .body("attemptId", equalTo(List.of(firstId, secondId)));

    // Adjust the background of the retake: a new rendering under a new key.
    Response adjusted =
        asStudent(student)
            .contentType("application/json")
            .body("{\"background\":\"#64c5ff\"}")
            .post("/collections/" + collection + "/attempts/" + secondId + "/adjustments");
    adjusted
        .then()
        .statusCode(200)
        .body("backgroundColour", equalTo("#64C5FF"))
        .body("cropHint.width", equalTo(0.9f));
    assertNotEquals(
        second.jsonPath().getString("preview.standardizedUrl"),
        adjusted.jsonPath().getString("preview.standardizedUrl"));
    assertEquals(
        640, fetchImage(adjusted.jsonPath().getString("preview.standardizedUrl")).getHeight());

    // Staff of the school read all three images; staff of another school and students do not.
    Response images = asStaff("reviewer", "10999").get("/staff/attempts/" + secondId + "/images");
    images.then().statusCode(200);
    for (String which : List.of("standardized", "original", "cutout")) {
      assertTrue(CaptureTestSupport.fetch(images.jsonPath().getString(which)).length > 0);
    }
    asStaff("reviewer", "10001")
        .get("/staff/attempts/" + secondId + "/images")
        .then()
        .statusCode(403);
    asStaff("operator").get("/staff/attempts/" + secondId + "/images").then().statusCode(200);
    asStudent(student).get("/staff/attempts/" + secondId + "/images").then().statusCode(403);

    // Submit: under review, PhotoSubmitted on the broker, uploads wait for the result.
    asStudent(student)
        .post("/collections/" + collection + "/attempts/" + secondId + "/submit")
        .then()
        .statusCode(200)
        .body("phase", equalTo("UNDER_REVIEW"))
        .body("submittedAttemptId", equalTo(secondId));
    PhotoSubmitted submitted = awaitSubmitted(collection, secondId);
    assertEquals(student, submitted.studentId());
    assertEquals("10999", submitted.schoolCode());
    assertEquals("#64C5FF", submitted.backgroundColour());
    // Originals alone are under the prefix the bucket's lifecycle rule expires; the renderings
    // the reviewer, delivery and the student keep using are not.
    String folder = "collections/" + collection + "/" + secondId + "/";
    assertTrue(
        submitted.originalKey().startsWith(CaptureTestSupport.ORIGINALS + folder),
        submitted.originalKey());
    assertTrue(submitted.originalKey().endsWith("/original.jpg"), submitted.originalKey());
    for (String rendering : List.of(submitted.standardizedKey(), submitted.cutoutKey())) {
      assertTrue(rendering.startsWith(folder), rendering);
      assertTrue(!rendering.startsWith(CaptureTestSupport.ORIGINALS), rendering);
    }
    assertTrue(submitted.standardizedKey().endsWith("/standardized.jpg"));
    assertTrue(submitted.cutoutKey().endsWith("/cutout.png"));
    // The random folder keeps a key unguessable from the ids.
    assertTrue(
        submitted.originalKey().matches(".*/" + secondId + "/[0-9a-f]{32}/original\\.jpg"),
        submitted.originalKey());
    assertTrue(submitted.geometry().get("eyeLinePx") > 0);
    assertTrue(
        CaptureTestSupport.storedKeys(collection)
            .containsAll(
                List.of(
                    submitted.standardizedKey(), submitted.originalKey(), submitted.cutoutKey())));
    upload(student, collection, portrait("idpass_2.jpg"))
        .then()
        .statusCode(409)
        .body("code", equalTo("UNDER_REVIEW"));

    // Rejected: capture reopens and shows the reviewer's reason.
    publish(
        Topics.REVIEW_EVENTS,
        new ReviewRejected(
            collection,
            UUID.fromString(secondId),
            UUID.randomUUID(),
            submitted.batchId(),
            "10999",
            "r1",
            List.of(new ReviewRejected.Reason("HAIR_COVERS_EARS", "头发遮挡了耳朵，请把头发拢到耳后重拍。")),
            Instant.now()),
        collection);
    assertEquals("RETAKE_REQUESTED", awaitPhase(student, collection, "RETAKE_REQUESTED"));
    asStudent(student)
        .get("/collections/" + collection)
        .then()
        .body("nextStep", startsWith("初审失败，请重拍"))
        .body("nextStep", containsString("头发遮挡了耳朵"))
        .body("reviewReasons[0].code", equalTo("HAIR_COVERS_EARS"));
    asStudent(student)
        .get("/collections/" + collection + "/attempts/" + secondId)
        .then()
        .body("status", equalTo("REJECTED"));

    Response third = upload(student, collection, portrait("idpass_2.jpg"));
    third.then().statusCode(201).body("number", equalTo(3));
    String thirdId = third.jsonPath().getString("attemptId");
    asStudent(student)
        .post("/collections/" + collection + "/attempts/" + thirdId + "/submit")
        .then()
        .statusCode(200)
        .body("phase", equalTo("UNDER_REVIEW"));
    awaitSubmitted(collection, thirdId);

    // Passed: locked, uploads and adjustments refused with a clear message.
    publish(
        Topics.REVIEW_EVENTS,
        new ReviewPassed(
            collection,
            UUID.fromString(thirdId),
            UUID.randomUUID(),
            submitted.batchId(),
            "10999",
            "r1",
            "key",
            Instant.now()),
        collection);
    assertEquals("PASSED", awaitPhase(student, collection, "PASSED"));
    upload(student, collection, portrait("idpass_2.jpg"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("PHOTO_LOCKED"))
        .body("detail", containsString("锁定"));
    asStudent(student)
        .contentType("application/json")
        .body("{\"background\":\"#FFFFFF\"}")
        .post("/collections/" + collection + "/attempts/" + firstId + "/adjustments")
        .then()
        .statusCode(409)
        .body("code", equalTo("PHOTO_LOCKED"));
    asStudent(student)
        .get("/collections/" + collection + "/attempts/" + thirdId)
        .then()
        .body("status", equalTo("PASSED"));
    // Every attempt is kept until the collection completes; then only the chosen one remains.
    asStudent(student)
        .get("/collections/" + collection + "/attempts")
        .then()
        .body("size()", equalTo(3));
    assertEquals(9, CaptureTestSupport.storedKeys(collection, 9).size());
    publish(
        Topics.REVIEW_EVENTS,
        new CollectionCompleted(
            collection,
            UUID.fromString(thirdId),
            student,
            submitted.batchId(),
            "10999",
            "chsi-graduation",
            "key",
            Instant.now()),
        collection);
    assertEquals("COMPLETED", awaitPhase(student, collection, "COMPLETED"));
    asStudent(student)
        .get("/collections/" + collection + "/attempts")
        .then()
        .body("attemptId", equalTo(List.of(thirdId)))
        .body("[0].status", equalTo("PASSED"));
    List<String> kept = CaptureTestSupport.storedKeys(collection);
    assertEquals(3, kept.size());
    assertTrue(kept.stream().allMatch(k -> k.contains("/" + thirdId + "/")));
  }

  @Test
  void adjusting_a_photo_whose_original_has_expired_asks_for_a_new_upload() throws Exception {
    UUID student = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, true);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));
    String attemptId =
        upload(student, collection, portrait("idpass_1.jpg"))
            .then()
            .statusCode(201)
            .extract()
            .path("attemptId");
    // What the bucket's lifecycle rule does after its period: the original is gone.
    List<String> originals =
        CaptureTestSupport.storedKeys(collection, 3).stream()
            .filter(k -> k.startsWith(CaptureTestSupport.ORIGINALS))
            .toList();
    assertEquals(1, originals.size(), originals.toString());
    CaptureTestSupport.s3()
        .removeObject(
            io.minio.RemoveObjectArgs.builder()
                .bucket(CaptureTestSupport.BUCKET)
                .object(originals.get(0))
                .build());

    asStudent(student)
        .contentType("application/json")
        .body("{\"background\":\"#FFFFFF\"}")
        .post("/collections/" + collection + "/attempts/" + attemptId + "/adjustments")
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("code", equalTo("ORIGINAL_EXPIRED"))
        .body("detail", containsString("重新上传"));
    // The attempt and its renderings are untouched, and a new upload works.
    asStudent(student)
        .get("/collections/" + collection + "/attempts/" + attemptId)
        .then()
        .statusCode(200)
        .body("attemptId", equalTo(attemptId));
    upload(student, collection, portrait("idpass_2.jpg")).then().statusCode(201);
  }

  @Test
  void a_withdrawn_submission_opens_capture_again_with_every_attempt_kept() {
    UUID student = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, true);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));
    String firstId =
        upload(student, collection, portrait("idpass_2.jpg")).jsonPath().getString("attemptId");
    asStudent(student)
        .post("/collections/" + collection + "/attempts/" + firstId + "/submit")
        .then()
        .statusCode(200)
        .body("phase", equalTo("UNDER_REVIEW"));
    awaitSubmitted(collection, firstId);

    // The student withdrew the one under review before a reviewer claimed it.
    publish(
        Topics.REVIEW_EVENTS, withdrawn(collection, UUID.fromString(firstId), student), collection);
    assertEquals("READY_TO_SUBMIT", awaitPhase(student, collection, "READY_TO_SUBMIT"));
    asStudent(student)
        .get("/collections/" + collection)
        .then()
        .body("canUpload", equalTo(true))
        .body("reviewReasons.size()", equalTo(0));
    asStudent(student)
        .get("/collections/" + collection + "/attempts/" + firstId)
        .then()
        .body("status", equalTo("READY"));

    // Retake, then submit the first attempt again after all: both attempts are kept.
    String secondId =
        upload(student, collection, portrait("idpass_2.jpg")).jsonPath().getString("attemptId");
    asStudent(student)
        .get("/collections/" + collection + "/attempts")
        .then()
        .body("attemptId", equalTo(List.of(firstId, secondId)));
    asStudent(student)
        .post("/collections/" + collection + "/attempts/" + firstId + "/submit")
        .then()
        .statusCode(200)
        .body("phase", equalTo("UNDER_REVIEW"))
        .body("submittedAttemptId", equalTo(firstId));
    assertEquals(
        2,
        KafkaProbe.all(
                Topics.CAPTURE_EVENTS,
                r ->
                    collection.toString().equals(r.key())
                        && r.value().contains("\"attemptId\":\"" + firstId + "\""),
                Duration.ofSeconds(5))
            .size(),
        "the same attempt is submitted a second time after its withdrawal");
  }

  private static SubmissionWithdrawn withdrawn(UUID collection, UUID attempt, UUID student) {
    return new SubmissionWithdrawn(
        collection, attempt, UUID.randomUUID(), student, UUID.randomUUID(), "10999", Instant.now());
  }

  @Test
  void a_pay_after_review_student_captures_without_paying_and_delivery_locks_the_photo() {
    UUID student = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, true);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));

    // The batch lets a photo with REJECT findings go to a reviewer.
    Response attempt = upload(student, collection, portrait("idpass_1.jpg"));
    attempt
        .then()
        .statusCode(201)
        .body("accepted", equalTo(false))
        .body("submittable", equalTo(true));
    assertEquals("READY_TO_SUBMIT", awaitPhase(student, collection, "READY_TO_SUBMIT"));

    publish(
        Topics.DELIVERY_EVENTS,
        new PhotosDelivered(
            UUID.randomUUID(),
            "10999",
            UUID.randomUUID(),
            List.of(collection),
            "pkg",
            Instant.now()),
        collection);
    assertEquals("DELIVERED", awaitPhase(student, collection, "DELIVERED"));
    upload(student, collection, portrait("idpass_2.jpg"))
        .then()
        .statusCode(409)
        .body("code", equalTo("PHOTO_LOCKED"));
    asStudent(student)
        .post(
            "/collections/"
                + collection
                + "/attempts/"
                + attempt.jsonPath().getString("attemptId")
                + "/submit")
        .then()
        .statusCode(409)
        .body("code", equalTo("PHOTO_LOCKED"));
  }

  @Test
  void a_student_lists_only_their_own_collections() {
    UUID student = UUID.randomUUID();
    UUID mine = UUID.randomUUID();
    UUID theirs = UUID.randomUUID();
    grantEligibility(mine, student, EligibilityGranted.PAY_AFTER_REVIEW, false);
    grantEligibility(theirs, UUID.randomUUID(), EligibilityGranted.PAY_AFTER_REVIEW, false);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, mine, "READY_TO_SHOOT"));
    asStudent(student)
        .get("/collections")
        .then()
        .statusCode(200)
        .body("collectionId", equalTo(List.of(mine.toString())));
    asStudent(student)
        .get("/collections/" + theirs)
        .then()
        .statusCode(404)
        .body("code", equalTo("COLLECTION_NOT_FOUND"));
  }

  private static Response retake(UUID student, UUID collection, String key) {
    return asStudent(student)
        .header("Idempotency-Key", key)
        .multiPart("photo", "retake.jpg", portrait("idpass_2.jpg"), "image/jpeg")
        .multiPart("background", "#FFFFFF")
        .multiPart("cropX", "0.05")
        .multiPart("cropY", "0.0")
        .multiPart("cropWidth", "0.9")
        .multiPart("cropHeight", "1.0")
        .post("/collections/" + collection + "/attempts");
  }

  private static BufferedImage fetchImage(String url) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(CaptureTestSupport.fetch(url)));
  }

  private static PhotoSubmitted awaitSubmitted(UUID collection, String attemptId) {
    ConsumerRecord<String, String> record =
        KafkaProbe.await(
                Topics.CAPTURE_EVENTS,
                r -> collection.toString().equals(r.key()) && r.value().contains(attemptId),
                Duration.ofSeconds(20))
            .orElseThrow(() -> new AssertionError("no PhotoSubmitted for " + attemptId));
    assertEquals("PhotoSubmitted", KafkaProbe.header(record, "type"));
    PhotoSubmitted p = (PhotoSubmitted) EventJson.read(record.value()).orElseThrow().payload();
    assertEquals(UUID.fromString(attemptId), p.attemptId());
    return p;
  }
}
