package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.gradphoto.identity.Fixtures.csvLine;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gradphoto.identity.Fixtures.Student;
import org.gradphoto.kernel.crypto.Sealer;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.LocalWeChatControl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three ways to 获取采集资格 against a real roster, database and broker: match, no match, wrong check
 * digit, wrong last four digits, rate limit, window closed, second account, unbinding.
 */
@QuarkusTest
class EligibilityTest {
  private static final String NO_MATCH = "未匹配到采集信息，请联系学院核实信息";
  private static final String ALL = "SCHOOL_NAME_ID,CHSI_CODE,ID_AND_PHONE";

  static String school;
  static UUID batch;
  static final String[] IDS = new String[8];

  /**
   * One school, one open batch with every mode, eight students; made before the first test (not in
   * {@code @BeforeAll}: rest-assured learns the port only per test).
   */
  @BeforeEach
  void roster() {
    if (school != null) {
      return;
    }
    school = Fixtures.newSchool("测试理工大学");
    batch = Fixtures.openBatch(school, List.of(ALL.split(",")));
    StringBuilder csv = new StringBuilder(Fixtures.CSV_HEADER);
    for (int i = 0; i < IDS.length; i++) {
      IDS[i] = Fixtures.residentId();
      csv.append(
          csvLine(
              school,
              "测试理工大学",
              "S" + i,
              "学生" + i,
              IDS[i],
              "1380013800" + i,
              "CHSI-" + school + "-" + i));
    }
    Fixtures.importCsv(Fixtures.operator(), batch, csv.toString())
        .then()
        .statusCode(200)
        .body("created", equalTo(IDS.length));
  }

  private static Response bySchool(Student s, String schoolCode, String name, String id) {
    return given()
        .auth()
        .oauth2(s.token())
        .contentType(ContentType.JSON)
        .body(Map.of("schoolCode", schoolCode, "name", name, "idNumber", id))
        .post("/eligibility/by-school");
  }

  private static Response byChsi(Student s, String code, String lastFour) {
    return given()
        .auth()
        .oauth2(s.token())
        .contentType(ContentType.JSON)
        .body(Map.of("chsiCode", code, "idLastFour", lastFour))
        .post("/eligibility/by-chsi-code");
  }

  private static Response match(Student s, String name, String id, String phone) {
    return given()
        .auth()
        .oauth2(s.token())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                name,
                "idType",
                "RESIDENT_ID",
                "idNumber",
                id,
                "phoneCode",
                LocalWeChatControl.phoneCode(phone)))
        .post("/eligibility/matches");
  }

  @Test
  void mode_a_matches_school_name_and_id_and_emits_eligibility_granted_on_kafka() {
    Student s = Fixtures.student();
    Response r = bySchool(s, school, "学生0", IDS[0]);
    r.then()
        .statusCode(201)
        .body("schoolCode", equalTo(school))
        .body("schoolName", equalTo("测试理工大学"))
        .body("studentNumber", equalTo("S0"))
        .body("priceFen", equalTo(2500))
        .body("status", equalTo("AWAITING_PHOTO"))
        .body("paid", equalTo(false))
        .body("window", containsString("北京时间"))
        .body("serviceDescription", equalTo("一次缴费，多次拍摄，直到满意提交为止"))
        .body(not(containsString(IDS[0])));
    String collectionId = r.path("collectionId");

    Optional<ConsumerRecord<String, String>> record =
        KafkaProbe.await(
            Topics.IDENTITY_EVENTS, rec -> collectionId.equals(rec.key()), Duration.ofSeconds(30));
    assertTrue(record.isPresent(), "EligibilityGranted reached Kafka");
    EligibilityGranted e =
        (EligibilityGranted) EventJson.read(record.get().value()).orElseThrow().payload();
    assertEquals(UUID.fromString(collectionId), e.collectionId());
    assertEquals(s.id(), e.studentId());
    assertEquals(batch, e.batchId());
    assertEquals(school, e.schoolCode());
    assertEquals("测试理工大学", e.schoolName());
    assertEquals("S0", e.studentNumber());
    assertEquals("学生0", e.studentName());
    assertEquals("RESIDENT_ID", e.idType());
    assertEquals("**************" + IDS[0].substring(14), e.idNumberMasked());
    // Sealed under delivery's key (the only one delivery holds), not under identity's own.
    assertEquals(
        IDS[0],
        Sealer.fromBase64("ZGVsaXZlcnktc2VydmljZS10ZXN0LWtleS0zMmJ5dGU=").open(e.idNumberSealed()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Sealer.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .open(e.idNumberSealed()));
    assertEquals("本科", e.degreeLevel());
    assertEquals(2500, e.priceFen());
    assertEquals("PAY_BEFORE_CAPTURE", e.paymentPolicy());
    assertEquals("chsi-graduation", e.specProfile());
    assertEquals("PT24H", e.reviewPromise());
    assertEquals(List.of("blue", "white"), e.backgroundColours());
    assertEquals(100_000, e.uploadMinBytes());
    assertEquals(2_000_000, e.uploadMaxBytes());
    assertTrue(e.windowClosesAt().isAfter(Instant.now()));
    assertFalse(record.get().value().contains(IDS[0]), "the clear ID number never travels");

    given()
        .auth()
        .oauth2(s.token())
        .get("/students/me/collections")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].collectionId", equalTo(collectionId))
        .body("[0].batchName", equalTo("2026届本科毕业生图像采集"));
    // another student cannot read it
    given()
        .auth()
        .oauth2(Fixtures.student().token())
        .get("/students/me/collections/" + collectionId)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("COLLECTION_NOT_FOUND"));
  }

  @Test
  void asking_again_with_the_same_account_returns_the_same_collection_without_a_new_one() {
    Student s = Fixtures.student();
    String first =
        bySchool(s, school, "学生1", IDS[1]).then().statusCode(201).extract().path("collectionId");
    String again =
        bySchool(s, school, "学生1", IDS[1]).then().statusCode(200).extract().path("collectionId");
    assertEquals(first, again);
    given().auth().oauth2(s.token()).get("/students/me/collections").then().body("$", hasSize(1));
  }

  @Test
  void mode_a_with_a_wrong_name_or_an_unknown_id_gives_the_same_no_match_answer() {
    Student s = Fixtures.student();
    bySchool(s, school, "别人", IDS[2])
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("NO_MATCH"))
        .body("detail", equalTo(NO_MATCH));
    bySchool(s, school, "学生2", Fixtures.residentId())
        .then()
        .statusCode(404)
        .body("detail", equalTo(NO_MATCH));
  }

  @Test
  void a_resident_id_with_a_wrong_check_digit_is_refused_before_any_lookup() {
    Student s = Fixtures.student();
    bySchool(s, school, "学生2", Fixtures.withWrongCheckDigit(IDS[2]))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("idNumber"))
        .body("detail", containsString("校验位"));
  }

  @Test
  void mode_b_matches_the_chsi_code_with_the_last_four_digits_and_refuses_wrong_ones() {
    Student s = Fixtures.student();
    String code = "CHSI-" + school + "-3";
    String lastFour = IDS[3].substring(14);
    String wrong = lastFour.equals("0000") ? "1111" : "0000";
    byChsi(s, code, wrong).then().statusCode(404).body("detail", equalTo(NO_MATCH));
    byChsi(s, code, lastFour)
        .then()
        .statusCode(201)
        .body("studentNumber", equalTo("S3"))
        .body("schoolCode", equalTo(school));
  }

  @Test
  void mode_b_reads_the_chsi_code_from_an_album_picture() throws Exception {
    Student s = Fixtures.student();
    String code = "CHSI-" + school + "-4";
    given()
        .auth()
        .oauth2(s.token())
        .multiPart("image", "code.png", qrPng(code), "image/png")
        .post("/eligibility/chsi-code")
        .then()
        .statusCode(200)
        .body("code", equalTo(code));
    given()
        .auth()
        .oauth2(s.token())
        .multiPart("image", "blank.png", blankPng(), "image/png")
        .post("/eligibility/chsi-code")
        .then()
        .statusCode(422)
        .body("code", equalTo("NO_CODE_FOUND"));
  }

  @Test
  void mode_c_shows_the_match_for_confirmation_and_binds_on_confirm() {
    Student s = Fixtures.student();
    Response m = match(s, "学生5", IDS[5], "13800138005");
    m.then()
        .statusCode(200)
        .body("schoolName", equalTo("测试理工大学"))
        .body("schoolCode", equalTo(school))
        .body("studentNumber", equalTo("S5"))
        .body("name", equalTo("学生5"));
    given()
        .auth()
        .oauth2(s.token())
        .post("/eligibility/matches/" + m.path("matchId") + "/confirm")
        .then()
        .statusCode(201)
        .body("studentNumber", equalTo("S5"));
    // another student cannot confirm someone else's match
    given()
        .auth()
        .oauth2(Fixtures.student().token())
        .post("/eligibility/matches/" + m.path("matchId") + "/confirm")
        .then()
        .statusCode(404);
  }

  @Test
  void modes_a_and_b_show_the_match_to_confirm_and_bind_only_on_confirm() {
    String confirming = Fixtures.newSchool("核验学院");
    UUID b = Fixtures.openBatch(confirming, List.of(ALL.split(",")));
    String idA = Fixtures.residentId();
    String idB = Fixtures.residentId();
    String chsi = "CHSI-CONFIRM-" + confirming;
    Fixtures.importCsv(
            Fixtures.operator(),
            b,
            Fixtures.CSV_HEADER
                + csvLine(confirming, "核验学院", "K1", "甲同学", idA, "", "")
                + csvLine(confirming, "核验学院", "K2", "乙同学", idB, "", chsi))
        .then()
        .statusCode(200);

    Student a = Fixtures.student();
    Response ma =
        given()
            .auth()
            .oauth2(a.token())
            .contentType(ContentType.JSON)
            .body(Map.of("schoolCode", confirming, "name", "甲同学", "idNumber", idA))
            .post("/eligibility/matches/by-school");
    ma.then()
        .statusCode(200)
        .body("schoolName", equalTo("核验学院"))
        .body("schoolCode", equalTo(confirming))
        .body("studentNumber", equalTo("K1"))
        .body("name", equalTo("甲同学"));
    // shown, not bound: nothing in the list, and another account may still match the entry
    given()
        .auth()
        .oauth2(a.token())
        .get("/students/me/collections")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    given()
        .auth()
        .oauth2(a.token())
        .post("/eligibility/matches/" + ma.path("matchId") + "/confirm")
        .then()
        .statusCode(201)
        .body("studentNumber", equalTo("K1"));

    Student bStudent = Fixtures.student();
    Response mb =
        given()
            .auth()
            .oauth2(bStudent.token())
            .contentType(ContentType.JSON)
            .body(Map.of("chsiCode", chsi, "idLastFour", idB.substring(14)))
            .post("/eligibility/matches/by-chsi-code");
    mb.then().statusCode(200).body("studentNumber", equalTo("K2")).body("name", equalTo("乙同学"));
    given()
        .auth()
        .oauth2(bStudent.token())
        .get("/students/me/collections")
        .then()
        .body("$", hasSize(0));
    given()
        .auth()
        .oauth2(bStudent.token())
        .post("/eligibility/matches/" + mb.path("matchId") + "/confirm")
        .then()
        .statusCode(201)
        .body("studentNumber", equalTo("K2"));
    // a wrong last four is the same no-match answer as before
    given()
        .auth()
        .oauth2(Fixtures.student().token())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "chsiCode", chsi, "idLastFour", "0000".equals(idB.substring(14)) ? "1111" : "0000"))
        .post("/eligibility/matches/by-chsi-code")
        .then()
        .statusCode(404)
        .body("detail", equalTo(NO_MATCH));
  }

  @Test
  void a_student_on_two_open_batches_is_matched_in_the_batch_whose_notice_they_chose() {
    String two = Fixtures.newSchool("双批次学院");
    UUID first = Fixtures.openBatch(two, List.of(ALL.split(",")));
    UUID second = Fixtures.openBatch(two, List.of(ALL.split(",")));
    String id = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            first,
            Fixtures.CSV_HEADER + csvLine(two, "双批次学院", "T1", "两批", id, "", ""))
        .then()
        .statusCode(200);
    Fixtures.importCsv(
            Fixtures.operator(),
            second,
            Fixtures.CSV_HEADER + csvLine(two, "双批次学院", "T2", "两批", id, "", ""))
        .then()
        .statusCode(200);
    Student s = Fixtures.student();
    for (UUID chosen : List.of(first, second)) {
      Response m =
          given()
              .auth()
              .oauth2(s.token())
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "schoolCode",
                      two,
                      "name",
                      "两批",
                      "idNumber",
                      id,
                      "batchId",
                      chosen.toString()))
              .post("/eligibility/matches/by-school");
      m.then().statusCode(200).body("studentNumber", equalTo(chosen.equals(first) ? "T1" : "T2"));
      given()
          .auth()
          .oauth2(s.token())
          .post("/eligibility/matches/" + m.path("matchId") + "/confirm")
          .then()
          .statusCode(201)
          .body("batchId", equalTo(chosen.toString()));
    }
    // a batch the student is not on: the same no-match answer
    given()
        .auth()
        .oauth2(Fixtures.student().token())
        .contentType(ContentType.JSON)
        .body(Map.of("schoolCode", two, "name", "两批", "idNumber", id, "batchId", batch.toString()))
        .post("/eligibility/matches/by-school")
        .then()
        .statusCode(404)
        .body("detail", equalTo(NO_MATCH));
  }

  @Test
  void mode_c_with_another_phone_than_the_roster_gives_the_no_match_page_sentence() {
    Student s = Fixtures.student();
    match(s, "学生6", IDS[6], "13900139000")
        .then()
        .statusCode(404)
        .body("code", equalTo("NO_MATCH"))
        .body("detail", equalTo(NO_MATCH));
  }

  @Test
  void
      a_second_wechat_account_is_refused_until_an_operator_unbinds_then_continues_the_collection() {
    Student owner = Fixtures.student();
    Student other = Fixtures.student();
    String first =
        bySchool(owner, school, "学生7", IDS[7])
            .then()
            .statusCode(201)
            .extract()
            .path("collectionId");
    // Saying "bound to another account" would confirm the ID number: the same no-match answer.
    bySchool(other, school, "学生7", IDS[7])
        .then()
        .statusCode(404)
        .body("code", equalTo("NO_MATCH"))
        .body("detail", equalTo(NO_MATCH));

    String entryId =
        given()
            .auth()
            .oauth2(Fixtures.operator())
            .get("/batches/" + batch + "/roster?size=500")
            .then()
            .statusCode(200)
            .extract()
            .path("find { it.studentNumber == 'S7' }.id");
    given()
        .auth()
        .oauth2(Fixtures.schoolAdmin(school))
        .delete("/roster-entries/" + entryId + "/binding")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Fixtures.operator())
        .delete("/roster-entries/" + entryId + "/binding")
        .then()
        .statusCode(204);

    String second =
        bySchool(other, school, "学生7", IDS[7])
            .then()
            .statusCode(201)
            .extract()
            .path("collectionId");
    // Issue #16, item 1: every service heard that the old account lost the collection, and the
    // rightful student continues that same collection (one per roster entry).
    assertEquals(first, second);
    Optional<ConsumerRecord<String, String>> revoked =
        KafkaProbe.await(
            Topics.IDENTITY_EVENTS,
            rec ->
                first.equals(rec.key()) && "BindingRevoked".equals(KafkaProbe.header(rec, "type")),
            Duration.ofSeconds(30));
    assertTrue(revoked.isPresent(), "BindingRevoked reached Kafka");
    BindingRevoked r =
        (BindingRevoked) EventJson.read(revoked.get().value()).orElseThrow().payload();
    assertEquals(owner.id(), r.studentId());
    assertEquals(UUID.fromString(entryId), r.rosterEntryId());
    assertEquals(batch, r.batchId());
    assertEquals(school, r.schoolCode());
    Optional<ConsumerRecord<String, String>> regranted =
        KafkaProbe.await(
            Topics.IDENTITY_EVENTS,
            rec ->
                first.equals(rec.key())
                    && "EligibilityGranted".equals(KafkaProbe.header(rec, "type"))
                    && rec.value().contains(other.id().toString()),
            Duration.ofSeconds(30));
    assertTrue(regranted.isPresent(), "the rightful student's EligibilityGranted reached Kafka");
    given()
        .auth()
        .oauth2(owner.token())
        .get("/students/me/collections")
        .then()
        .body("$", hasSize(0));
    given()
        .auth()
        .oauth2(owner.token())
        .get("/students/me/collections/" + first)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(other.token())
        .get("/students/me/collections")
        .then()
        .body("$", hasSize(1))
        .body("[0].collectionId", equalTo(first))
        .body("[0].status", equalTo("AWAITING_PHOTO"));
  }

  @Test
  void failed_attempts_against_one_id_number_are_limited_even_for_a_correct_answer_later() {
    String id = Fixtures.residentId(); // not on any roster: the limit must not reveal that
    for (int i = 0; i < 5; i++) {
      bySchool(Fixtures.student(), school, "猜测" + i, id).then().statusCode(404);
    }
    bySchool(Fixtures.student(), school, "猜测", id)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("code", equalTo("TOO_MANY_ATTEMPTS"))
        .body("detail", containsString("尝试次数过多"));
  }

  @Test
  void one_account_is_limited_to_ten_failed_attempts_an_hour() {
    Student s = Fixtures.student();
    for (int i = 0; i < 10; i++) {
      bySchool(s, school, "某人", Fixtures.residentId()).then().statusCode(404);
    }
    bySchool(s, school, "某人", Fixtures.residentId()).then().statusCode(429);
  }

  @Test
  void outside_the_window_eligibility_is_refused_with_the_windows_dates() {
    String closed = Fixtures.newSchool("已结束学院");
    UUID past =
        Fixtures.batch(
            closed,
            List.of(ALL.split(",")),
            Instant.parse("2026-06-08T16:00:00Z"),
            Instant.parse("2026-06-12T16:00:00Z"));
    String id = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            past,
            Fixtures.CSV_HEADER + csvLine(closed, "已结束学院", "P1", "往届", id, "", ""))
        .then()
        .statusCode(200);
    bySchool(Fixtures.student(), closed, "往届", id)
        .then()
        .statusCode(422)
        .body("code", equalTo("OUTSIDE_WINDOW"))
        .body("detail", containsString("2026年6月9日 00:00 至 2026年6月13日 00:00"))
        .body("closesAt", equalTo("2026-06-12T16:00:00Z"));
  }

  @Test
  void a_mode_the_batch_does_not_offer_is_refused() {
    String onlyB = Fixtures.newSchool("只用采集码学院");
    UUID b = Fixtures.openBatch(onlyB, List.of("CHSI_CODE"));
    String id = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            b,
            Fixtures.CSV_HEADER + csvLine(onlyB, "只用采集码学院", "B1", "乙", id, "", "CODE-B1-" + onlyB))
        .then()
        .statusCode(200);
    bySchool(Fixtures.student(), onlyB, "乙", id)
        .then()
        .statusCode(422)
        .body("code", equalTo("MODE_NOT_OFFERED"));
  }

  @Test
  void review_and_payment_events_keep_the_collection_status_current() {
    Student s = Fixtures.student();
    String school2 = Fixtures.newSchool("状态学院");
    UUID b = Fixtures.openBatch(school2, List.of(ALL.split(",")));
    String id = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            b,
            Fixtures.CSV_HEADER + csvLine(school2, "状态学院", "Z1", "丙", id, "", ""))
        .then()
        .statusCode(200);
    String collectionId =
        bySchool(s, school2, "丙", id).then().statusCode(201).extract().path("collectionId");
    Instant t = Instant.now();
    send(
        Topics.CAPTURE_EVENTS,
        collectionId,
        "PhotoSubmitted",
        "{\"collectionId\":\"%s\",\"attemptId\":\"%s\",\"studentId\":\"%s\",\"batchId\":\"%s\",\"schoolCode\":\"%s\",\"specProfile\":\"chsi-graduation\",\"findings\":[],\"geometry\":{},\"submittedAt\":\"%s\"}"
            .formatted(collectionId, UUID.randomUUID(), s.id(), b, school2, t));
    send(
        Topics.REVIEW_EVENTS,
        collectionId,
        "ReviewRejected",
        "{\"collectionId\":\"%s\",\"attemptId\":\"%s\",\"reviewTaskId\":\"%s\",\"batchId\":\"%s\",\"schoolCode\":\"%s\",\"reviewerId\":\"r1\",\"reasons\":[{\"code\":\"HEAD_TOO_HIGH\",\"message\":\"头顶离上边缘太近，请重拍\"}],\"decidedAt\":\"%s\"}"
            .formatted(
                collectionId, UUID.randomUUID(), UUID.randomUUID(), b, school2, t.plusSeconds(60)));
    send(
        Topics.PAYMENT_EVENTS,
        collectionId,
        "PaymentConfirmed",
        "{\"orderId\":\"%s\",\"collectionId\":\"%s\",\"amountFen\":2500,\"transactionId\":\"tx\",\"paidAt\":\"%s\"}"
            .formatted(UUID.randomUUID(), collectionId, t));

    String status =
        org.gradphoto.testsupport.Eventually.await(
            () ->
                detail(s, collectionId).path("status") + "/" + detail(s, collectionId).path("paid"),
            "REJECTED/true",
            Duration.ofSeconds(30));
    assertEquals("REJECTED/true", status);
    detail(s, collectionId)
        .then()
        .body("statusLabel", equalTo("初审失败，请重拍"))
        .body("rejectionReasons[0].message", equalTo("头顶离上边缘太近，请重拍"));
  }

  @Test
  void a_withdrawn_submission_puts_the_collection_back_to_awaiting_photo_until_the_next_one() {
    Student s = Fixtures.student();
    String school2 = Fixtures.newSchool("撤回学院");
    UUID b = Fixtures.openBatch(school2, List.of(ALL.split(",")));
    String id = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            b,
            Fixtures.CSV_HEADER + csvLine(school2, "撤回学院", "W1", "丁", id, "", ""))
        .then()
        .statusCode(200);
    String collectionId =
        bySchool(s, school2, "丁", id).then().statusCode(201).extract().path("collectionId");
    Instant t = Instant.now();
    UUID attempt = UUID.randomUUID();
    String submitted =
        "{\"collectionId\":\"%s\",\"attemptId\":\"%s\",\"studentId\":\"%s\",\"batchId\":\"%s\",\"schoolCode\":\"%s\",\"specProfile\":\"chsi-graduation\",\"findings\":[],\"geometry\":{},\"submittedAt\":\"%s\"}";
    send(
        Topics.CAPTURE_EVENTS,
        collectionId,
        "PhotoSubmitted",
        submitted.formatted(collectionId, attempt, s.id(), b, school2, t));
    Eventually.await(
        () -> detail(s, collectionId).path("status"), "IN_REVIEW", Duration.ofSeconds(30));
    send(
        Topics.REVIEW_EVENTS,
        collectionId,
        "SubmissionWithdrawn",
        "{\"collectionId\":\"%s\",\"attemptId\":\"%s\",\"reviewTaskId\":\"%s\",\"studentId\":\"%s\",\"batchId\":\"%s\",\"schoolCode\":\"%s\",\"withdrawnAt\":\"%s\"}"
            .formatted(
                collectionId, attempt, UUID.randomUUID(), s.id(), b, school2, t.plusSeconds(30)));
    assertEquals(
        "AWAITING_PHOTO",
        Eventually.await(
            () -> detail(s, collectionId).path("status"),
            "AWAITING_PHOTO",
            Duration.ofSeconds(30)));
    send(
        Topics.CAPTURE_EVENTS,
        collectionId,
        "PhotoSubmitted",
        submitted.formatted(
            collectionId, UUID.randomUUID(), s.id(), b, school2, t.plusSeconds(60)));
    assertEquals(
        "IN_REVIEW",
        Eventually.await(
            () -> detail(s, collectionId).path("status"), "IN_REVIEW", Duration.ofSeconds(30)));
  }

  private static Response detail(Student s, String collectionId) {
    return given().auth().oauth2(s.token()).get("/students/me/collections/" + collectionId);
  }

  private static void send(String topic, String key, String type, String payload) {
    KafkaProbe.send(
        topic,
        key,
        "{\"eventId\":\"%s\",\"type\":\"%s\",\"version\":1,\"occurredAt\":\"%s\",\"aggregateId\":\"%s\",\"correlationId\":\"t\",\"payload\":%s}"
            .formatted(UUID.randomUUID(), type, Instant.now(), key, payload));
  }

  private static byte[] qrPng(String text) throws Exception {
    BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300);
    BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < m.getWidth(); x++) {
      for (int y = 0; y < m.getHeight(); y++) {
        img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static byte[] blankPng() throws Exception {
    BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
