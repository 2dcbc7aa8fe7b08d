package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.asStaff;
import static org.gradphoto.capture.CaptureTestSupport.asStudent;
import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.grantEligibility;
import static org.gradphoto.capture.CaptureTestSupport.portrait;
import static org.gradphoto.capture.CaptureTestSupport.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.gradphoto.capture.application.port.in.RepairDeferredWritesUseCase;
import org.gradphoto.capture.application.port.in.RepairDeferredWritesUseCase.Repairs;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.UnitOfWork;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.junit.jupiter.api.Test;

/**
 * The original and the cut-out are written after the upload's answer. When such a write is lost (it
 * failed for good, or the instance stopped before it ended: here the object is removed from the
 * real bucket, which leaves the same state), the repair round finds the attempt once its writes
 * must have ended: a lost cut-out is rendered again from the original under the same key; a lost
 * original marks the attempt, which then tells the student to upload again and cannot be submitted
 * or adjusted; an attempt with all its objects is confirmed and left alone from then on.
 */
@QuarkusTest
class DeferredWriteRepairTest {
  @Inject RepairDeferredWritesUseCase repair;
  @Inject AttemptRepository attempts;
  @Inject UnitOfWork uow;

  @Test
  void a_lost_cutout_is_rendered_again_and_a_lost_original_marks_its_attempt() throws Exception {
    CaptureTestSupport.awaitReady();
    UUID student = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, true);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));
    String cutoutLost = created(upload(student, collection, portrait("idpass_2.jpg")));
    String originalLost = created(upload(student, collection, portrait("idpass_2.jpg")));
    String intact = created(upload(student, collection, portrait("idpass_2.jpg")));
    List<String> stored = CaptureTestSupport.storedKeys(collection, 9);
    assertEquals(9, stored.size(), stored.toString());
    String lostCutout = key(stored, cutoutLost, "/cutout.png");
    String lostOriginal = key(stored, originalLost, "/original.jpg");
    String intactCutout = key(stored, intact, "/cutout.png");
    StatObjectResponse intactBefore = stat(intactCutout);
    remove(lostCutout);
    remove(lostOriginal);

    // While their writes may still be running somewhere, the round leaves the attempts alone.
    round(Instant.now());
    assertFalse(exists(lostCutout));
    assertFalse(find(cutoutLost).objectsConfirmed());
    assertFalse(find(originalLost).originalLost());

    Instant later = Instant.now().plus(Duration.ofMinutes(10));
    roundsUntilQuiet(later);

    // The cut-out is back under the key the attempt names: a transparent PNG of the spec size.
    assertTrue(exists(lostCutout), lostCutout);
    BufferedImage cutout =
        ImageIO.read(new ByteArrayInputStream(CaptureTestSupport.fetch(staffUrl(cutoutLost))));
    assertEquals(480, cutout.getWidth());
    assertEquals(640, cutout.getHeight());
    assertTrue(cutout.getColorModel().hasAlpha());
    Attempt restored = find(cutoutLost);
    assertTrue(restored.objectsConfirmed());
    assertFalse(restored.originalLost());
    assertEquals(lostCutout, restored.rendering().cutoutKey());

    // The lost original cannot come back: the attempt says so and refuses what needs it.
    Attempt marked = find(originalLost);
    assertTrue(marked.originalLost());
    asStudent(student)
        .get("/collections/" + collection + "/attempts/" + originalLost)
        .then()
        .statusCode(200)
        .body("findings.code", hasItem(Attempt.ORIGINAL_NOT_STORED))
        .body("findings.find { it.code == 'ORIGINAL_NOT_STORED' }.message", containsString("重新上传"))
        .body("submittable", equalTo(false))
        .body("accepted", equalTo(false));
    asStudent(student)
        .post("/collections/" + collection + "/attempts/" + originalLost + "/submit")
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("code", equalTo("ORIGINAL_NOT_STORED"))
        .body("detail", containsString("原图没有保存成功"));
    asStudent(student)
        .contentType("application/json")
        .body("{\"background\":\"#FFFFFF\"}")
        .post("/collections/" + collection + "/attempts/" + originalLost + "/adjustments")
        .then()
        .statusCode(410)
        .body("code", equalTo("ORIGINAL_NOT_STORED"));

    // The intact attempt is confirmed without its objects being written again.
    assertTrue(find(intact).objectsConfirmed());
    assertEquals(intactBefore.lastModified(), stat(intactCutout).lastModified());
    assertEquals(intactBefore.etag(), stat(intactCutout).etag());
    asStudent(student)
        .get("/collections/" + collection + "/attempts/" + intact)
        .then()
        .body("findings.code", not(hasItem(Attempt.ORIGINAL_NOT_STORED)));

    // Decided attempts are not looked at again; the restored one is submitted as usual.
    Repairs again = round(later);
    assertEquals(0, again.cutoutsRestored() + again.originalsLost(), again.toString());
    asStudent(student)
        .post("/collections/" + collection + "/attempts/" + cutoutLost + "/submit")
        .then()
        .statusCode(200)
        .body("submittedAttemptId", equalTo(cutoutLost));
  }

  /**
   * Rounds until one decides nothing: other tests' attempts share the database, and one round takes
   * at most a hundred of them, oldest first.
   */
  private void roundsUntilQuiet(Instant now) {
    for (int i = 0; i < 30; i++) {
      Repairs r = round(now);
      if (r.confirmed() + r.cutoutsRestored() + r.originalsLost() == 0) {
        return;
      }
    }
    throw new AssertionError("the repair rounds did not settle");
  }

  private Repairs round(Instant now) {
    try {
      return VertxContextSupport.subscribeAndAwait(() -> repair.repair(now));
    } catch (Throwable e) {
      throw new AssertionError("repair round failed", e);
    }
  }

  private Attempt find(String attemptId) {
    try {
      return VertxContextSupport.subscribeAndAwait(
              () -> uow.transaction(() -> attempts.find(UUID.fromString(attemptId))))
          .orElseThrow();
    } catch (Throwable e) {
      throw new AssertionError("attempt not read", e);
    }
  }

  private static String created(Response r) {
    r.then().statusCode(201).body("accepted", equalTo(true));
    return r.jsonPath().getString("attemptId");
  }

  private static String key(List<String> keys, String attemptId, String suffix) {
    return keys.stream()
        .filter(k -> k.contains("/" + attemptId + "/") && k.endsWith(suffix))
        .findFirst()
        .orElseThrow(() -> new AssertionError(attemptId + suffix + " not in " + keys));
  }

  private static String staffUrl(String attemptId) {
    Response images =
        asStaff("reviewer", CaptureTestSupport.SCHOOL)
            .get("/staff/attempts/" + attemptId + "/images");
    images.then().statusCode(200);
    return images.jsonPath().getString("cutout");
  }

  private static StatObjectResponse stat(String key) throws Exception {
    return CaptureTestSupport.s3()
        .statObject(StatObjectArgs.builder().bucket(CaptureTestSupport.BUCKET).object(key).build());
  }

  private static boolean exists(String key) throws Exception {
    try {
      stat(key);
      return true;
    } catch (ErrorResponseException e) {
      return false;
    }
  }

  private static void remove(String key) throws Exception {
    CaptureTestSupport.s3()
        .removeObject(
            RemoveObjectArgs.builder().bucket(CaptureTestSupport.BUCKET).object(key).build());
    assertFalse(exists(key), key);
  }
}
