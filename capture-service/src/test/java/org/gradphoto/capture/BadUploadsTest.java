package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.asStudent;
import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.grantEligibility;
import static org.gradphoto.capture.CaptureTestSupport.portrait;
import static org.gradphoto.capture.CaptureTestSupport.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each bad upload of issue #6 gets a clear problem+json answer in Chinese and leaves nothing
 * stored: no attempt, no object in the bucket.
 */
@QuarkusTest
class BadUploadsTest {
  private final UUID student = UUID.randomUUID();
  private final UUID collection = UUID.randomUUID();

  @BeforeEach
  void anOpenCollection() {
    CaptureTestSupport.awaitReady();
    grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, false);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));
  }

  @AfterEach
  void nothingWasStored() {
    asStudent(student)
        .get("/collections/" + collection + "/attempts")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    assertTrue(CaptureTestSupport.storedKeys(collection).isEmpty());
  }

  @Test
  void a_truncated_jpeg_is_refused_as_incomplete() {
    byte[] whole = portrait("idpass_2.jpg");
    upload(student, collection, Arrays.copyOf(whole, whole.length * 2 / 3))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("PHOTO_TRUNCATED"))
        .body("detail", containsString("不完整"));
  }

  @Test
  void a_pdf_renamed_to_jpg_is_refused_as_not_a_photo() {
    byte[] pdf = new byte[40 * 1024];
    byte[] head =
        "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, pdf, 0, head.length);
    asStudent(student)
        .multiPart("photo", "毕业照.jpg", pdf, "image/jpeg")
        .post("/collections/" + collection + "/attempts")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("PHOTO_UNSUPPORTED_FORMAT"))
        .body("detail", containsString("PDF"));
  }

  @Test
  void a_20000_by_20000_png_is_refused_before_it_is_decoded() {
    upload(student, collection, CaptureTestSupport.hugePng())
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("PHOTO_TOO_LARGE"))
        .body("detail", containsString("过大"));
  }

  @Test
  void an_empty_file_is_refused() {
    upload(student, collection, new byte[0])
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("PHOTO_EMPTY"))
        .body("detail", containsString("空"));
  }

  @Test
  void a_form_without_a_photo_is_refused() {
    asStudent(student)
        .multiPart("background", "#FFFFFF")
        .post("/collections/" + collection + "/attempts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("PHOTO_MISSING"))
        .body("detail", containsString("没有收到照片"));
  }

  @Test
  void an_empty_request_body_is_refused() {
    asStudent(student)
        .contentType("multipart/form-data; boundary=nothing")
        .post("/collections/" + collection + "/attempts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("UPLOAD_INCOMPLETE"))
        .body("detail", containsString("重新上传"));
  }

  @Test
  void a_request_that_is_not_multipart_is_refused_with_the_content_type_to_use() {
    asStudent(student)
        .contentType("image/jpeg")
        .body(portrait("idpass_2.jpg"))
        .post("/collections/" + collection + "/attempts")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
        .body("detail", containsString("multipart/form-data"));
  }

  @Test
  void a_photo_part_declared_as_another_type_is_refused() {
    asStudent(student)
        .multiPart("photo", "scan.pdf", portrait("idpass_2.jpg"), "application/pdf")
        .post("/collections/" + collection + "/attempts")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
        .body("detail", containsString("application/pdf"));
  }

  @Test
  void an_upload_to_someone_elses_collection_is_refused_as_not_found() {
    upload(UUID.randomUUID(), collection, portrait("idpass_2.jpg"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("COLLECTION_NOT_FOUND"))
        .body("detail", containsString("不属于当前登录的账号"));
  }

  @Test
  void a_photo_below_the_batch_size_window_is_refused_with_the_window() {
    upload(student, collection, Arrays.copyOf(portrait("idpass_2.jpg"), 5 * 1024))
        .then()
        .statusCode(422)
        .body("code", equalTo("FILE_SIZE_NOT_ALLOWED"))
        .body("detail", containsString("10 KB"));
  }

  @Test
  void a_background_the_batch_does_not_allow_is_refused() {
    asStudent(student)
        .multiPart("photo", "p.jpg", portrait("idpass_2.jpg"), "image/jpeg")
        .multiPart("background", "#FF0000")
        .post("/collections/" + collection + "/attempts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("background"));
  }

  @Test
  void an_upload_without_a_token_is_refused() {
    io.restassured.RestAssured.given()
        .multiPart("photo", "p.jpg", portrait("idpass_2.jpg"), "image/jpeg")
        .post("/collections/" + collection + "/attempts")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }
}
