package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.asStaff;
import static org.gradphoto.capture.CaptureTestSupport.asStudent;
import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.grantEligibility;
import static org.gradphoto.capture.CaptureTestSupport.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.junit.jupiter.api.Test;

/**
 * A photo the engine can make nothing honest of (here: no person in it) is kept as an attempt with
 * its findings and its original, but without a spec photo or cut-out, and cannot be submitted even
 * where photos with findings may go to a reviewer.
 */
@QuarkusTest
class NoPhotoUploadTest {

  @Test
  void an_upload_without_a_face_keeps_only_its_findings_and_cannot_be_submitted() throws Exception {
    CaptureTestSupport.awaitReady();
    UUID student = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, true);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));

    Response r = upload(student, collection, wallWithoutAPerson());
    r.then()
        .statusCode(201)
        .body("accepted", equalTo(false))
        .body("submittable", equalTo(false))
        .body("findings.code", hasItem("NO_FACE"))
        .body("preview", nullValue());
    String attempt = r.jsonPath().getString("attemptId");
    List<String> stored = CaptureTestSupport.storedKeys(collection, 1);
    assertEquals(1, stored.size(), stored.toString());
    assertTrue(stored.get(0).startsWith(CaptureTestSupport.ORIGINALS), stored.toString());

    asStudent(student)
        .post("/collections/" + collection + "/attempts/" + attempt + "/submit")
        .then()
        .statusCode(422)
        .body("code", equalTo("ATTEMPT_HAS_NO_PHOTO"));
    asStaff("reviewer", CaptureTestSupport.SCHOOL)
        .get("/staff/attempts/" + attempt + "/images")
        .then()
        .statusCode(200)
        .body("standardized", nullValue())
        .body("cutout", nullValue())
        .body("original", notNullValue());
    // Another colour re-runs the engine on the original: still nothing to show, nothing written.
    asStudent(student)
        .contentType("application/json")
        .body("{\"background\":\"#FFFFFF\"}")
        .post("/collections/" + collection + "/attempts/" + attempt + "/adjustments")
        .then()
        .statusCode(200)
        .body("preview", nullValue())
        .body("backgroundColour", equalTo("#FFFFFF"));
    assertEquals(stored, CaptureTestSupport.storedKeys(collection));
  }

  /** A noisy wall, 900 × 1200: a valid photo of the right size with nobody in it. */
  private static byte[] wallWithoutAPerson() throws IOException {
    BufferedImage img = new BufferedImage(900, 1200, BufferedImage.TYPE_INT_RGB);
    Random noise = new Random(7);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int v = 150 + y / 20 + noise.nextInt(24);
        img.setRGB(x, y, (v << 16) | ((v - 10) << 8) | (v - 30));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }
}
