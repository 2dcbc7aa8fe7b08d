package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gradphoto.identity.Fixtures.Student;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The roster-based progress view: students who never started are counted, not left out. */
@QuarkusTest
class RosterProgressTest {

  @Test
  void progress_counts_every_roster_entry_including_those_who_never_started_and_exports_xlsx()
      throws Exception {
    String school = Fixtures.newSchool("进度学院");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String idA = Fixtures.residentId();
    String idB = Fixtures.residentId();
    String idC = Fixtures.residentId();
    String admin = Fixtures.schoolAdmin(school);
    Fixtures.importCsv(
            admin,
            batch,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "进度学院", "P1", "甲", idA, "", "")
                + Fixtures.csvLine(school, "进度学院", "P2", "乙", idB, "", "")
                + Fixtures.csvLine(school, "进度学院", "P3", "丙", idC, "", ""))
        .then()
        .statusCode(200);

    // 甲 submits a photo; 乙 proves eligibility and pays; 丙 never starts.
    Student a = Fixtures.student();
    String collA = grant(a, school, "甲", idA);
    Student b = Fixtures.student();
    String collB = grant(b, school, "乙", idB);
    send(
        Topics.CAPTURE_EVENTS,
        collA,
        "PhotoSubmitted",
        "{\"collectionId\":\"%s\",\"attemptId\":\"%s\",\"studentId\":\"%s\",\"batchId\":\"%s\",\"schoolCode\":\"%s\",\"specProfile\":\"chsi-graduation\",\"findings\":[],\"geometry\":{},\"submittedAt\":\"%s\"}"
            .formatted(collA, UUID.randomUUID(), a.id(), batch, school, Instant.now()));
    send(
        Topics.PAYMENT_EVENTS,
        collB,
        "PaymentConfirmed",
        "{\"orderId\":\"%s\",\"collectionId\":\"%s\",\"amountFen\":2500,\"transactionId\":\"tx\",\"paidAt\":\"%s\"}"
            .formatted(UUID.randomUUID(), collB, Instant.now()));

    Map<String, Integer> expected =
        Map.ofEntries(
            Map.entry("ELIGIBLE", 3),
            Map.entry("NOT_STARTED", 1),
            Map.entry("STARTED", 1),
            Map.entry("PAID", 1),
            Map.entry("SUBMITTED", 1),
            Map.entry("IN_REVIEW", 1),
            Map.entry("TO_RETAKE", 0),
            Map.entry("PASSED", 0),
            Map.entry("COMPLETED", 0),
            Map.entry("DELIVERED", 0),
            Map.entry("MISSING", 3));
    Map<String, Integer> counts =
        Eventually.await(() -> counts(admin, batch), expected, Duration.ofSeconds(30));
    assertEquals(expected, counts);

    progress(admin, batch, "?state=NOT_STARTED")
        .then()
        .statusCode(200)
        .body("matching", equalTo(1))
        .body("items[0].studentNumber", equalTo("P3"))
        .body("items[0].stateLabel", equalTo("未开始"))
        .body("items[0].bound", equalTo(false));
    progress(admin, batch, "?q=乙")
        .then()
        .body("matching", equalTo(1))
        .body("items[0].state", equalTo("STARTED"))
        .body("items[0].paid", equalTo(true));
    progress(admin, batch, "?size=2&page=1")
        .then()
        .body("matching", equalTo(3))
        .body("items.size()", equalTo(1))
        .body("items[0].studentNumber", equalTo("P3"));

    byte[] xlsx =
        given()
            .auth()
            .oauth2(admin)
            .get("/batches/" + batch + "/progress.xlsx?state=MISSING")
            .then()
            .statusCode(200)
            .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .extract()
            .asByteArray();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = wb.getFirstSheet().read();
      assertEquals("学号", rows.get(0).getCellText(0));
      assertEquals(
          List.of("P1 审核中", "P2 已认证待拍摄", "P3 未开始"),
          rows.subList(1, rows.size()).stream()
              .map(r -> r.getCellText(0) + " " + r.getCellText(4))
              .toList());
    }
  }

  @Test
  void another_schools_admin_cannot_read_the_progress_and_a_wrong_state_is_named() {
    String school = Fixtures.newSchool("别校学院");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    progress(Fixtures.schoolAdmin("10001"), batch, "").then().statusCode(403);
    progress(Fixtures.schoolAdmin(school), batch, "?state=NOPE")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("state"));
  }

  @Test
  void an_operator_unbinds_an_entry_with_a_reason_that_is_recorded_and_the_student_counts_again()
      throws Exception {
    String school = Fixtures.newSchool("解绑学院");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String id = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER + Fixtures.csvLine(school, "解绑学院", "U1", "丁", id, "", ""))
        .then()
        .statusCode(200);
    grant(Fixtures.student(), school, "丁", id);
    String entry =
        progress(Fixtures.operator(), batch, "?state=STARTED")
            .then()
            .body("matching", equalTo(1))
            .extract()
            .path("items[0].entryId");

    unbind(Fixtures.schoolAdmin(school), entry, "绑错了").then().statusCode(403);
    unbind(Fixtures.operator(), entry, " ")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    unbind(Fixtures.operator(), entry, "学生用了同学的微信绑定").then().statusCode(204);
    unbind(Fixtures.operator(), entry, "再来一次").then().statusCode(404);

    given()
        .auth()
        .oauth2(Fixtures.operator())
        .get("/batches/" + batch + "/unbindings")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].studentNumber", equalTo("U1"))
        .body("[0].reason", equalTo("学生用了同学的微信绑定"))
        .body("[0].operatorId", equalTo("op1"));
    progress(Fixtures.operator(), batch, "?state=NOT_STARTED")
        .then()
        .body("matching", equalTo(1))
        .body("items[0].bound", equalTo(false));
  }

  private static Response unbind(String token, String entry, String reason) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post("/roster-entries/" + entry + "/unbinding");
  }

  private static Response progress(String token, UUID batch, String query) {
    return given().auth().oauth2(token).get("/batches/" + batch + "/progress" + query);
  }

  private static Map<String, Integer> counts(String token, UUID batch) {
    List<Map<String, Object>> l = progress(token, batch, "").then().extract().path("counts");
    return new HashMap<>(
        l.stream()
            .collect(
                Collectors.toMap(m -> (String) m.get("state"), m -> (Integer) m.get("count"))));
  }

  private static String grant(Student s, String school, String name, String id) {
    return given()
        .auth()
        .oauth2(s.token())
        .contentType(ContentType.JSON)
        .body(Map.of("schoolCode", school, "name", name, "idNumber", id))
        .post("/eligibility/by-school")
        .then()
        .statusCode(201)
        .extract()
        .path("collectionId");
  }

  private static void send(String topic, String key, String type, String payload) {
    KafkaProbe.send(
        topic,
        key,
        "{\"eventId\":\"%s\",\"type\":\"%s\",\"version\":1,\"occurredAt\":\"%s\",\"aggregateId\":\"%s\",\"correlationId\":\"t\",\"payload\":%s}"
            .formatted(UUID.randomUUID(), type, Instant.now(), key, payload));
  }
}
