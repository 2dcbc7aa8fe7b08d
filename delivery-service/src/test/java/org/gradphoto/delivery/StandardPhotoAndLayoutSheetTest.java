package org.gradphoto.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.gradphoto.delivery.Fixtures.Student;
import org.gradphoto.delivery.SheetMeasure.Kind;
import org.gradphoto.delivery.SheetMeasure.Run;
import org.gradphoto.testsupport.StudentTokens;
import org.junit.jupiter.api.Test;

/**
 * CollectionCompleted on the real broker pins the photo in real S3; layout sheets are drawn when
 * first asked for; the student downloads both through presigned links, and the sheets are measured
 * in pixels.
 */
@QuarkusTest
class StandardPhotoAndLayoutSheetTest {
  private static final UUID BATCH = UUID.randomUUID();

  private static String link(Student s, String what) {
    return given()
        .auth()
        .oauth2(StudentTokens.forStudent(s.studentId()))
        .get("/students/me/collections/" + s.collectionId() + "/downloads/" + what)
        .then()
        .statusCode(200)
        .extract()
        .path("url");
  }

  private static SheetMeasure sheet(String url) throws IOException {
    HttpResponse<byte[]> r = Fixtures.fetch(url);
    assertEquals(200, r.statusCode());
    byte[] jpeg = r.body();
    // JFIF APP0: units = 1 (dpi), X and Y density = 300.
    assertEquals(1, jpeg[13]);
    assertEquals(300, ((jpeg[14] & 0xFF) << 8) | (jpeg[15] & 0xFF));
    assertEquals(300, ((jpeg[16] & 0xFF) << 8) | (jpeg[17] & 0xFF));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertEquals(1800, img.getWidth());
    assertEquals(1200, img.getHeight());
    return new SheetMeasure(img);
  }

  /** Copies, sizes, gaps, even margins and guides, all measured from the pixels. */
  private static void assertGrid(
      SheetMeasure m, int columns, int rows, int copyWidth, int copyHeight) {
    assertEquals(columns, m.columns.size(), "columns of copies");
    assertEquals(rows, m.rows.size(), "rows of copies");
    for (Run c : m.columns) {
      assertEquals(copyWidth, c.length(), "copy width");
    }
    for (Run r : m.rows) {
      assertEquals(copyHeight, r.length(), "copy height");
    }
    for (int i = 1; i < m.columns.size(); i++) {
      assertEquals(24, m.columns.get(i).start() - m.columns.get(i - 1).end() - 1, "gap");
    }
    for (int i = 1; i < m.rows.size(); i++) {
      assertEquals(24, m.rows.get(i).start() - m.rows.get(i - 1).end() - 1, "gap");
    }
    int left = m.columns.getFirst().start();
    int right = 1800 - 1 - m.columns.getLast().end();
    int top = m.rows.getFirst().start();
    int bottom = 1200 - 1 - m.rows.getLast().end();
    assertTrue(Math.abs(left - right) <= 1, "left " + left + " right " + right);
    assertTrue(Math.abs(top - bottom) <= 1, "top " + top + " bottom " + bottom);
    // Every grid cell holds a copy.
    for (Run c : m.columns) {
      for (Run r : m.rows) {
        assertEquals(Kind.PHOTO, m.kind(c.start() + c.length() / 2, r.start() + r.length() / 2));
      }
    }
    // Guides: one pixel outside each copy edge, across the margins; white between them.
    for (Run c : m.columns) {
      assertEquals(Kind.GUIDE, m.kind(c.start() - 1, 3), "guide left of column " + c);
      assertEquals(Kind.GUIDE, m.kind(c.end() + 1, 3), "guide right of column " + c);
      assertEquals(Kind.WHITE, m.kind(c.start() - 3, 3), "guides are one pixel thin");
    }
    for (Run r : m.rows) {
      assertEquals(Kind.GUIDE, m.kind(3, r.start() - 1), "guide above row " + r);
      assertEquals(Kind.GUIDE, m.kind(3, r.end() + 1), "guide below row " + r);
    }
    if (m.columns.size() > 1) {
      int gapMiddle = m.columns.get(0).end() + 12;
      assertEquals(Kind.WHITE, m.kind(gapMiddle, m.rows.getFirst().start() + 50));
    }
    assertEquals(Kind.WHITE, m.kind(left / 2 + 1, top + 50));
  }

  @Test
  void a_completed_diploma_photo_downloads_as_pinned_and_as_four_turned_copies_on_a_six_inch_sheet()
      throws IOException {
    Student s = Student.of(BATCH, "10999", "2023000101", "110105200001011236", "chsi-graduation");
    Fixtures.grant(s);
    byte[] photo = Fixtures.complete(s, 480, 640);
    Fixtures.awaitStatus(s, "COMPLETED");

    HttpResponse<byte[]> standard = Fixtures.fetch(link(s, "standard-photo"));
    assertEquals(200, standard.statusCode());
    assertArrayEquals(photo, standard.body());
    String disposition = standard.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(disposition.contains("standard-photo-480x640.jpg"), disposition);
    assertTrue(disposition.contains("filename*=UTF-8''"), disposition);

    SheetMeasure m = sheet(link(s, "layout-sheet"));
    assertGrid(m, 2, 2, 640, 480);
    // Turned a quarter clockwise: the photo's top-left marker is at each copy's top-right.
    Run c = m.columns.getFirst();
    Run r = m.rows.getFirst();
    assertTrue(m.isMarker(c.end() - 10, r.start() + 10), "marker at the top-right");
    assertTrue(!m.isMarker(c.start() + 10, r.start() + 10), "no marker at the top-left");
  }

  @Test
  void a_one_inch_photo_lays_out_twelve_times_with_guides() throws IOException {
    Student s = Student.of(BATCH, "10999", "2023000102", "110105200001021232", "one-inch");
    Fixtures.grant(s);
    Fixtures.complete(s, 295, 413);
    Fixtures.awaitStatus(s, "COMPLETED");

    assertGrid(sheet(link(s, "layout-sheet?sheet=6-inch")), 4, 3, 413, 295);
  }

  /**
   * A completion pins only the photo; a sheet is drawn when first asked for and kept, so the
   * completion event costs no drawing (under a 1,000-student load, drawing all three sheets per
   * completion kept this consumer far behind).
   */
  @Test
  void a_layout_sheet_is_drawn_when_first_asked_for_and_kept() throws Exception {
    Student s = Student.of(BATCH, "10999", "2023000106", "110105200001061236", "chsi-graduation");
    Fixtures.grant(s);
    Fixtures.complete(s, 480, 640);
    Fixtures.awaitStatus(s, "COMPLETED");
    String key = "collections/" + s.collectionId() + "/layout-6-inch.jpg";
    assertFalse(stored(key), "no sheet is drawn before a student asks for one");

    byte[] first = Fixtures.fetch(link(s, "layout-sheet?sheet=6-inch")).body();
    assertTrue(stored(key), "the drawn sheet is kept");
    byte[] again = Fixtures.fetch(link(s, "layout-sheet?sheet=6-inch")).body();
    assertArrayEquals(first, again);
  }

  private static boolean stored(String key) throws Exception {
    try {
      Fixtures.s3()
          .statObject(StatObjectArgs.builder().bucket("gradphoto-packages").object(key).build());
      return true;
    } catch (ErrorResponseException e) {
      assertEquals("NoSuchKey", e.errorResponse().code());
      return false;
    }
  }

  @Test
  void another_students_download_is_refused_as_if_it_did_not_exist() {
    Student owner =
        Student.of(BATCH, "10999", "2023000103", "110105200001031239", "chsi-graduation");
    Student other =
        Student.of(BATCH, "10999", "2023000104", "110105200001041235", "chsi-graduation");
    Fixtures.grant(owner);
    Fixtures.grant(other);
    Fixtures.complete(owner, 480, 640);
    Fixtures.awaitStatus(owner, "COMPLETED");

    for (String what : new String[] {"standard-photo", "layout-sheet"}) {
      given()
          .auth()
          .oauth2(StudentTokens.forStudent(other.studentId()))
          .get("/students/me/collections/" + owner.collectionId() + "/downloads/" + what)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("code", equalTo("COLLECTION_NOT_FOUND"));
    }
    given()
        .get("/students/me/collections/" + owner.collectionId() + "/downloads/standard-photo")
        .then()
        .statusCode(401);
  }

  @Test
  void a_photo_not_yet_complete_cannot_be_downloaded() {
    Student s = Student.of(BATCH, "10999", "2023000105", "110105200001051230", "chsi-graduation");
    Fixtures.grant(s);
    given()
        .auth()
        .oauth2(StudentTokens.forStudent(s.studentId()))
        .get("/students/me/collections/" + s.collectionId() + "/downloads/standard-photo")
        .then()
        .statusCode(409)
        .body("code", equalTo("PHOTO_NOT_READY"));
  }
}
