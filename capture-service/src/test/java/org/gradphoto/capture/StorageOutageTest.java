package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.asStudent;
import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.grantEligibility;
import static org.gradphoto.capture.CaptureTestSupport.portrait;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.testsupport.RealS3;
import org.junit.jupiter.api.Test;

/**
 * The object store is down while a student uploads: the answer says to try again shortly (503,
 * {@code Retry-After}, problem+json in Chinese), and nothing of the upload stays behind — no
 * attempt, no object — so the same upload works once the store is back.
 */
@QuarkusTest
class StorageOutageTest {

  @Test
  void an_upload_while_the_store_is_down_answers_503_and_leaves_nothing_half_done() {
    CaptureTestSupport.awaitReady();
    UUID student = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, true);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));
    String key = UUID.randomUUID().toString();

    RealS3.stopForOutage();
    try {
      upload(student, collection, key)
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", matchesPattern("[1-9][0-9]*"))
          .body("code", equalTo("STORAGE_UNAVAILABLE"))
          .body("detail", containsString("照片存储暂时无法访问"))
          .body("detail", containsString("秒后重试"));
      // Nothing in the database either: no attempt points at an object that was never written.
      asStudent(student)
          .get("/collections/" + collection + "/attempts")
          .then()
          .statusCode(200)
          .body("$", hasSize(0));
      asStudent(student)
          .get("/collections/" + collection)
          .then()
          .statusCode(200)
          .body("attemptCount", equalTo(0))
          .body("phase", equalTo("READY_TO_SHOOT"));
    } finally {
      RealS3.startAgain();
    }
    assertEquals(List.of(), CaptureTestSupport.storedKeys(collection));

    // The student's retry of the same upload (same Idempotency-Key) is a first upload now.
    Response retried = upload(student, collection, key);
    retried.then().statusCode(201).body("number", equalTo(1));
    List<String> stored = CaptureTestSupport.storedKeys(collection, 3);
    assertTrue(
        stored.stream().anyMatch(k -> k.startsWith(CaptureTestSupport.ORIGINALS)),
        stored.toString());
    assertTrue(stored.stream().anyMatch(k -> k.endsWith("standardized.jpg")), stored.toString());
    asStudent(student)
        .get("/collections/" + collection + "/attempts")
        .then()
        .statusCode(200)
        .body("$", hasSize(1));
  }

  private static Response upload(UUID student, UUID collection, String key) {
    return asStudent(student)
        .header("Idempotency-Key", key)
        .multiPart("photo", "photo.jpg", portrait("idpass_2.jpg"), "image/jpeg")
        .post("/collections/" + collection + "/attempts");
  }
}
