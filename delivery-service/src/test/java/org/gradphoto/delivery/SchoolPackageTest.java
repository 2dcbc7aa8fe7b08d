package org.gradphoto.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gradphoto.delivery.Fixtures.Student;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.PhotosDelivered;
import org.gradphoto.kernel.event.RosterEntriesChanged;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.StudentTokens;
import org.junit.jupiter.api.Test;

/**
 * A school admin asks for a batch's package: the ZIP lands in real S3 with photos named by ID
 * number, a manifest in CSV and XLSX and the missing list; PhotosDelivered goes out on Kafka and
 * the students see 上网中.
 */
@QuarkusTest
class SchoolPackageTest {
  private static final String SCHOOL = "10998";

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String sha256(byte[] b) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** Whether the student's list of collections holds this one. */
  private static boolean sees(Student s) {
    return given()
            .auth()
            .oauth2(StudentTokens.forStudent(s.studentId()))
            .get("/students/me/collections")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("find { it.collectionId == '" + s.collectionId() + "' }.status")
        != null;
  }

  private static String awaitPackage(String token, String packageId) {
    String status =
        Eventually.await(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .get("/packages/" + packageId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .<String>path("status"),
            "READY",
            Duration.ofSeconds(60));
    assertEquals("READY", status);
    return status;
  }

  @Test
  void students_on_the_roster_who_never_started_are_missing_in_the_list_and_in_missing_csv()
      throws Exception {
    UUID batch = UUID.randomUUID();
    Student done = Student.of(batch, SCHOOL, "2023200201", "11010520000101123X", "chsi-graduation");
    Student started =
        Student.of(batch, SCHOOL, "2023200202", "110105200002021234", "chsi-graduation");
    // the roster comes before, and for one student after, their eligibility (any order)
    Fixtures.publish(
        Topics.IDENTITY_EVENTS,
        new RosterEntriesChanged(
            batch,
            SCHOOL,
            List.of(
                new RosterEntriesChanged.Entry(
                    UUID.randomUUID(), "2023200201", done.name(), "110105********123X"),
                new RosterEntriesChanged.Entry(
                    UUID.randomUUID(), "2023200203", "从未开始", "110105********9876")),
            Instant.now()),
        batch);
    Fixtures.grant(done);
    Fixtures.grant(started);
    Fixtures.publish(
        Topics.IDENTITY_EVENTS,
        new RosterEntriesChanged(
            batch,
            SCHOOL,
            List.of(
                new RosterEntriesChanged.Entry(
                    UUID.randomUUID(), "2023200202", started.name(), "110105********1234")),
            Instant.now()),
        batch);
    Fixtures.complete(done, 480, 640);
    Fixtures.awaitStatus(done, "COMPLETED");
    String admin = Fixtures.staff("school-admin", SCHOOL);

    Eventually.await(() -> missingOf(admin, batch).size(), 2, Duration.ofSeconds(30));
    List<Map<String, Object>> missing = missingOf(admin, batch);
    assertEquals(2, missing.size(), String.valueOf(missing));
    assertEquals(started.collectionId().toString(), missing.get(0).get("collectionId"));
    assertEquals("COLLECTING", missing.get(0).get("status"));
    assertEquals("2023200203", missing.get(1).get("studentNumber"));
    assertEquals("从未开始", missing.get(1).get("studentName"));
    assertEquals("110105********9876", missing.get(1).get("idNumberMasked"));
    assertEquals("NOT_STARTED", missing.get(1).get("status"));
    assertEquals("未开始", missing.get(1).get("statusLabel"));
    assertEquals(null, missing.get(1).get("collectionId"));

    // the school's read-only account reads the same list and may not request a package
    String viewer = Fixtures.staff("school-viewer", SCHOOL);
    assertEquals(missing, missingOf(viewer, batch));
    given()
        .auth()
        .oauth2(viewer)
        .contentType("application/json")
        .body("{\"naming\":\"STUDENT_NUMBER\"}")
        .post("/schools/" + SCHOOL + "/batches/" + batch + "/packages")
        .then()
        .statusCode(403)
        .body("code", equalTo("READ_ONLY_ACCOUNT"))
        .body("detail", containsString("学校只读账号"));
    given()
        .auth()
        .oauth2(viewer)
        .get("/schools/" + SCHOOL + "/batches/" + batch + "/packages")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));

    String packageId =
        given()
            .auth()
            .oauth2(admin)
            .contentType("application/json")
            .body("{\"naming\":\"STUDENT_NUMBER\"}")
            .post("/schools/" + SCHOOL + "/batches/" + batch + "/packages")
            .then()
            .statusCode(202)
            .extract()
            .path("packageId");
    awaitPackage(admin, packageId);
    given()
        .auth()
        .oauth2(admin)
        .get("/packages/" + packageId)
        .then()
        .body("photoCount", equalTo(1))
        .body("missingCount", equalTo(2));
    String url =
        given()
            .auth()
            .oauth2(admin)
            .get("/packages/" + packageId + "/download")
            .then()
            .statusCode(200)
            .extract()
            .path("url");
    Map<String, byte[]> entries = unzip(Fixtures.fetch(url).body());
    // ... and follows and downloads the package the admin built
    given()
        .auth()
        .oauth2(viewer)
        .get("/schools/" + SCHOOL + "/batches/" + batch + "/packages")
        .then()
        .statusCode(200)
        .body("packageId", equalTo(List.of(packageId)));
    String viewerUrl =
        given()
            .auth()
            .oauth2(viewer)
            .get("/packages/" + packageId + "/download")
            .then()
            .statusCode(200)
            .extract()
            .path("url");
    assertEquals(entries.keySet(), unzip(Fixtures.fetch(viewerUrl).body()).keySet());
    String csv = new String(entries.get("missing.csv"), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertEquals(3, lines.size(), csv);
    assertTrue(lines.get(1).startsWith("2023200202," + started.name() + ","), csv);
    assertEquals("2023200203,从未开始,110105********9876,未开始", lines.get(2));
  }

  private static List<Map<String, Object>> missingOf(String token, UUID batch) {
    return given()
        .auth()
        .oauth2(token)
        .get("/schools/" + SCHOOL + "/batches/" + batch + "/missing-students")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("");
  }

  @Test
  void
      a_batch_package_holds_every_completed_photo_named_by_id_number_with_manifest_and_missing_list()
          throws Exception {
    UUID batch = UUID.randomUUID();
    Student a = Student.of(batch, SCHOOL, "2023100201", "11010520000101123X", "chsi-graduation");
    Student b = Student.of(batch, SCHOOL, "2023100202", "110105200002021234", "chsi-graduation");
    Student late = Student.of(batch, SCHOOL, "2023100203", "110105200003031234", "chsi-graduation");
    List.of(a, b, late).forEach(Fixtures::grant);
    byte[] photoA = Fixtures.complete(a, 480, 640);
    byte[] photoB = Fixtures.complete(b, 480, 640);
    Fixtures.awaitStatus(a, "COMPLETED");
    Fixtures.awaitStatus(b, "COMPLETED");
    String admin = Fixtures.staff("school-admin", SCHOOL);

    given()
        .auth()
        .oauth2(admin)
        .get("/schools/" + SCHOOL + "/batches/" + batch + "/missing-students")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].studentNumber", equalTo("2023100203"))
        .body("[0].idNumberMasked", equalTo("**************1234"))
        .body("[0].status", equalTo("COLLECTING"));

    String packageId =
        given()
            .auth()
            .oauth2(admin)
            .contentType("application/json")
            .body("{\"naming\":\"ID_NUMBER\"}")
            .post("/schools/" + SCHOOL + "/batches/" + batch + "/packages")
            .then()
            .statusCode(202)
            .extract()
            .path("packageId");
    awaitPackage(admin, packageId);
    given()
        .auth()
        .oauth2(admin)
        .get("/packages/" + packageId)
        .then()
        .body("photoCount", equalTo(2))
        .body("missingCount", equalTo(1));

    String url =
        given()
            .auth()
            .oauth2(admin)
            .get("/packages/" + packageId + "/download")
            .then()
            .statusCode(200)
            .extract()
            .path("url");
    HttpResponse<byte[]> zip = Fixtures.fetch(url);
    assertEquals(200, zip.statusCode());
    Map<String, byte[]> entries = unzip(zip.body());
    assertEquals(
        List.of(
            "photos/11010520000101123X.jpg",
            "photos/110105200002021234.jpg",
            "manifest.csv",
            "manifest.xlsx",
            "missing.csv"),
        List.copyOf(entries.keySet()));
    assertTrue(java.util.Arrays.equals(photoA, entries.get("photos/11010520000101123X.jpg")));
    assertTrue(java.util.Arrays.equals(photoB, entries.get("photos/110105200002021234.jpg")));

    String csv = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFF学号,姓名,证件号码(脱敏),文件名,采集完成时间,SHA-256"), csv);
    List<String> lines = csv.lines().toList();
    assertEquals(3, lines.size());
    String[] rowA = lines.get(1).split(",");
    assertEquals("2023100201", rowA[0]);
    assertEquals(a.name(), rowA[1]);
    assertEquals("**************123X", rowA[2]);
    assertEquals("11010520000101123X.jpg", rowA[3]);
    assertEquals(sha256(photoA), rowA[5]);
    assertTrue(!csv.contains("11010520000101123X,"), "no clear ID number outside file names");

    String missing = new String(entries.get("missing.csv"), StandardCharsets.UTF_8);
    assertTrue(missing.contains("2023100203," + late.name() + ",**************1234,采集中"), missing);

    try (ReadableWorkbook wb =
        new ReadableWorkbook(new ByteArrayInputStream(entries.get("manifest.xlsx")))) {
      Sheet manifest = wb.getSheet(0).orElseThrow();
      assertEquals("清单", manifest.getName());
      List<Row> rows = manifest.read();
      assertEquals(3, rows.size());
      assertEquals("2023100202", rows.get(2).getCellText(0));
      assertEquals("110105200002021234.jpg", rows.get(2).getCellText(3));
      assertEquals(sha256(photoB), rows.get(2).getCellText(5));
      List<Row> missingRows = wb.getSheet(1).orElseThrow().read();
      assertEquals("2023100203", missingRows.get(1).getCellText(0));
    }

    Optional<ConsumerRecord<String, String>> event =
        KafkaProbe.await(
            Topics.DELIVERY_EVENTS, r -> packageId.equals(r.key()), Duration.ofSeconds(30));
    assertTrue(event.isPresent(), "PhotosDelivered published");
    PhotosDelivered delivered =
        (PhotosDelivered) EventJson.read(event.get().value()).orElseThrow().payload();
    assertEquals(
        java.util.Set.of(a.collectionId(), b.collectionId()),
        java.util.Set.copyOf(delivered.collectionIds()));
    assertEquals(batch, delivered.batchId());
    assertEquals(SCHOOL, delivered.schoolCode());

    given()
        .auth()
        .oauth2(StudentTokens.forStudent(a.studentId()))
        .get("/students/me/collections")
        .then()
        .body("[0].status", equalTo("DELIVERED"))
        .body("[0].statusLabel", equalTo("上网中"));

    // Locked: a later completion does not replace the delivered photo. The marker student's
    // completion comes after it on the same partition, so once it is seen the other was handled.
    Fixtures.complete(a, 295, 413);
    Student marker = Student.of(batch, SCHOOL, "2023100209", "110105200009091234", "one-inch");
    Fixtures.complete(marker, 295, 413);
    Fixtures.awaitStatus(marker, "COMPLETED");
    String standard =
        given()
            .auth()
            .oauth2(StudentTokens.forStudent(a.studentId()))
            .get("/students/me/collections/" + a.collectionId() + "/downloads/standard-photo")
            .then()
            .statusCode(200)
            .extract()
            .path("url");
    assertTrue(java.util.Arrays.equals(photoA, Fixtures.fetch(standard).body()));
    Fixtures.awaitStatus(a, "DELIVERED");
  }

  @Test
  void the_school_may_name_photos_by_student_number_instead() throws Exception {
    UUID batch = UUID.randomUUID();
    Student s = Student.of(batch, SCHOOL, "2023100301", "110105200004041234", "one-inch");
    Fixtures.grant(s);
    Fixtures.complete(s, 295, 413);
    Fixtures.awaitStatus(s, "COMPLETED");
    String operator = Fixtures.staff("operator");
    String packageId =
        given()
            .auth()
            .oauth2(operator)
            .contentType("application/json")
            .body("{\"naming\":\"STUDENT_NUMBER\"}")
            .post("/schools/" + SCHOOL + "/batches/" + batch + "/packages")
            .then()
            .statusCode(202)
            .extract()
            .path("packageId");
    awaitPackage(operator, packageId);
    String url =
        given()
            .auth()
            .oauth2(operator)
            .get("/packages/" + packageId + "/download")
            .then()
            .extract()
            .path("url");
    HttpResponse<byte[]> zip = Fixtures.fetch(url);
    assertTrue(
        zip.headers().firstValue("Content-Disposition").orElse("").contains(SCHOOL + "_photos_"));
    assertTrue(unzip(zip.body()).containsKey("photos/2023100301.jpg"));
  }

  /**
   * Issue #16, item 1: the wrong account completed a roster entry's collection before an operator
   * unbound it. From BindingRevoked on it no longer sees the collection; the rightful student,
   * granted the same collection, completes it, and the package holds one photo for the entry —
   * theirs — even beside a second collection of the same entry left from before unbindings were
   * events.
   */
  @Test
  void after_an_unbinding_the_package_holds_one_photo_per_roster_entry_the_rightful_students()
      throws Exception {
    UUID batch = UUID.randomUUID();
    String number = "2023100401";
    String id = "110105200005051234";
    Student legacy = Student.of(batch, SCHOOL, number, id, "chsi-graduation");
    Fixtures.grant(legacy);
    Fixtures.complete(legacy, 480, 640);
    Fixtures.awaitStatus(legacy, "COMPLETED");
    Student wrong = Student.of(batch, SCHOOL, number, id, "chsi-graduation");
    Fixtures.grant(wrong);
    Fixtures.complete(wrong, 480, 640);
    Fixtures.awaitStatus(wrong, "COMPLETED");

    Fixtures.publish(
        Topics.IDENTITY_EVENTS,
        new BindingRevoked(
            wrong.collectionId(),
            wrong.studentId(),
            UUID.randomUUID(),
            batch,
            SCHOOL,
            java.time.Instant.now()),
        wrong.collectionId());
    assertEquals(false, Eventually.await(() -> sees(wrong), false, Duration.ofSeconds(60)));

    Student rightful =
        new Student(
            wrong.collectionId(),
            UUID.randomUUID(),
            batch,
            SCHOOL,
            number,
            wrong.name(),
            id,
            "chsi-graduation");
    Fixtures.grant(rightful);
    byte[] own = Fixtures.complete(rightful, 360, 480);
    Fixtures.awaitStatus(rightful, "COMPLETED");
    assertEquals(false, sees(wrong), "the unbound account sees the collection again");

    String operator = Fixtures.staff("operator");
    String packageId =
        given()
            .auth()
            .oauth2(operator)
            .contentType("application/json")
            .body("{\"naming\":\"STUDENT_NUMBER\"}")
            .post("/schools/" + SCHOOL + "/batches/" + batch + "/packages")
            .then()
            .statusCode(202)
            .extract()
            .path("packageId");
    awaitPackage(operator, packageId);
    given()
        .auth()
        .oauth2(operator)
        .get("/packages/" + packageId)
        .then()
        .body("photoCount", equalTo(1));
    String url =
        given()
            .auth()
            .oauth2(operator)
            .get("/packages/" + packageId + "/download")
            .then()
            .extract()
            .path("url");
    Map<String, byte[]> files = unzip(Fixtures.fetch(url).body());
    List<String> photos = files.keySet().stream().filter(n -> n.startsWith("photos/")).toList();
    assertEquals(List.of("photos/" + number + ".jpg"), photos);
    assertEquals(sha256(own), sha256(files.get("photos/" + number + ".jpg")));
  }

  @Test
  void an_admin_of_another_school_can_neither_ask_for_nor_see_the_package() {
    UUID batch = UUID.randomUUID();
    String stranger = Fixtures.staff("school-admin", "10001");
    given()
        .auth()
        .oauth2(stranger)
        .contentType("application/json")
        .body("{}")
        .post("/schools/" + SCHOOL + "/batches/" + batch + "/packages")
        .then()
        .statusCode(403)
        .body("code", equalTo("SCHOOL_NOT_ALLOWED"));
    given()
        .auth()
        .oauth2(stranger)
        .get("/schools/" + SCHOOL + "/batches/" + batch + "/missing-students")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(StudentTokens.forStudent(UUID.randomUUID()))
        .get("/schools/" + SCHOOL + "/batches/" + batch + "/missing-students")
        .then()
        .statusCode(403);
  }

  @Test
  void a_batch_without_any_completed_photo_has_nothing_to_deliver() {
    given()
        .auth()
        .oauth2(Fixtures.staff("operator"))
        .contentType("application/json")
        .body("{}")
        .post("/schools/" + SCHOOL + "/batches/" + UUID.randomUUID() + "/packages")
        .then()
        .statusCode(409)
        .body("code", equalTo("NOTHING_TO_DELIVER"));
  }
}
