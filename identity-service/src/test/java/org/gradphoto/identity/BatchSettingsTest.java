package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.gradphoto.identity.Fixtures.csvLine;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gradphoto.identity.Fixtures.Student;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * A batch's own settings (notice, texts, support contact, sign-up window before the shooting
 * window) are validated when written, shown to students before eligibility and carried on their
 * collection.
 */
@QuarkusTest
class BatchSettingsTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant SIGN_UP_OPENS = NOW.minus(Duration.ofDays(1));
  private static final Instant SHOOTING_OPENS = NOW.plus(Duration.ofDays(3));
  private static final Instant SHOOTING_CLOSES = NOW.plus(Duration.ofDays(10));

  private static Map<String, Object> body() {
    Map<String, Object> b = new HashMap<>();
    b.put("name", "2027届研究生图像采集");
    b.put("opensAt", SHOOTING_OPENS.toString());
    b.put("closesAt", SHOOTING_CLOSES.toString());
    b.put("signUpOpensAt", SIGN_UP_OPENS.toString());
    b.put("signUpClosesAt", SHOOTING_OPENS.toString());
    b.put("priceFen", 3000);
    b.put("paymentPolicy", "PAY_BEFORE_CAPTURE");
    b.put("eligibilityModes", List.of("ID_AND_PHONE", "SCHOOL_NAME_ID"));
    b.put("reviewPromise", "P2WD");
    b.put("reviewPromiseText", "三个工作日内");
    b.put("notice", "  各位同学：请于拍摄开始前完成报名缴费。  ");
    b.put("shootingRequirements", "浅色墙前，他人拍摄");
    b.put("supportPhone", "010-68912345");
    b.put("supportHours", "工作日 9:00-17:00");
    b.put("uploadMinBytes", 50_000);
    b.put("uploadMaxBytes", 3_000_000);
    return b;
  }

  private static Response create(String school, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(Fixtures.operator())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/schools/" + school + "/batches");
  }

  @Test
  void the_settings_are_stored_and_read_back_with_blank_texts_as_none() {
    String school = Fixtures.newSchool("设置学院");
    Map<String, Object> body = body();
    body.put("supportHours", "   ");
    String id = create(school, body).then().statusCode(201).extract().path("id");
    given()
        .auth()
        .oauth2(Fixtures.operator())
        .get("/batches/" + id)
        .then()
        .statusCode(200)
        .body("notice", equalTo("各位同学：请于拍摄开始前完成报名缴费。"))
        .body("reviewPromiseText", equalTo("三个工作日内"))
        .body("supportPhone", equalTo("010-68912345"))
        .body("supportHours", nullValue())
        .body("signUpOpensAt", equalTo(SIGN_UP_OPENS.toString()))
        .body("signUpClosesAt", equalTo(SHOOTING_OPENS.toString()))
        .body("opensAt", equalTo(SHOOTING_OPENS.toString()))
        .body("uploadMaxBytes", equalTo(3_000_000));
  }

  @Test
  void without_a_sign_up_window_students_sign_up_during_the_shooting_window() {
    String school = Fixtures.newSchool("默认窗口学院");
    Map<String, Object> body = body();
    body.remove("signUpOpensAt");
    body.remove("signUpClosesAt");
    create(school, body)
        .then()
        .statusCode(201)
        .body("signUpOpensAt", equalTo(SHOOTING_OPENS.toString()))
        .body("signUpClosesAt", equalTo(SHOOTING_CLOSES.toString()));
  }

  @Test
  void bad_settings_are_refused_naming_the_field_in_chinese() {
    String school = Fixtures.newSchool("校验学院");
    Object[][] cases = {
      {"supportPhone", "请拨打客服", "supportPhone", "客服电话只能由数字"},
      {"uploadMaxBytes", 50_000_000, "uploadMaxBytes", "不能超过10MB"},
      {"uploadMaxBytes", 40_000, "uploadMaxBytes", "上限必须大于下限"},
      {"uploadMinBytes", -1, "uploadMinBytes", "不能为负数"},
      {"notice", "通".repeat(5001), "notice", "批次通知不能超过5000个字"},
      {"reviewPromiseText", "久".repeat(61), "reviewPromiseText", "不能超过60个字"},
      {"signUpOpensAt", SHOOTING_OPENS.plusSeconds(60).toString(), "signUpOpensAt", "开始时间"},
      {"signUpClosesAt", SHOOTING_CLOSES.plusSeconds(60).toString(), "signUpClosesAt", "截止时间"},
      {
        "signUpClosesAt", SIGN_UP_OPENS.minusSeconds(60).toString(), "signUpOpensAt", "开始时间必须早于结束时间"
      },
      {"signUpClosesAt", null, "signUpClosesAt", "同时填写"},
    };
    for (Object[] c : cases) {
      Map<String, Object> body = body();
      body.put((String) c[0], c[1]);
      create(school, body)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(c[2]))
          .body("errors[0].message", containsString((String) c[3]));
    }
    given()
        .auth()
        .oauth2(Fixtures.operator())
        .get("/schools/" + school + "/batches")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }

  @Test
  void before_shooting_opens_a_student_reads_the_notice_gets_eligibility_and_the_texts() {
    String school = Fixtures.newSchool("预报名大学");
    UUID batch =
        UUID.fromString(create(school, body()).then().statusCode(201).extract().path("id"));
    Map<String, Object> closed = body();
    closed.put("name", "已截止报名的批次");
    closed.put("signUpOpensAt", NOW.minus(Duration.ofDays(5)).toString());
    closed.put("signUpClosesAt", NOW.minus(Duration.ofDays(1)).toString());
    create(school, closed).then().statusCode(201);
    String idNumber = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER + csvLine(school, "预报名大学", "Y1", "预报名", idNumber, "", ""))
        .then()
        .statusCode(200);

    Student s = Fixtures.student();
    given()
        .auth()
        .oauth2(s.token())
        .get("/schools/" + school + "/open-batches")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].batchId", equalTo(batch.toString()))
        .body("[0].schoolName", equalTo("预报名大学"))
        .body("[0].notice", equalTo("各位同学：请于拍摄开始前完成报名缴费。"))
        .body("[0].eligibilityModes", equalTo(List.of("SCHOOL_NAME_ID", "ID_AND_PHONE")))
        .body("[0].signUpOpen", equalTo(true))
        .body("[0].shootingOpen", equalTo(false))
        .body("[0].window", containsString("北京时间"))
        .body("[0].supportPhone", equalTo("010-68912345"))
        .body("[0].reviewPromiseText", equalTo("三个工作日内"))
        .body("[0].uploadMaxBytes", equalTo(3_000_000));

    Response granted =
        given()
            .auth()
            .oauth2(s.token())
            .contentType(ContentType.JSON)
            .body(Map.of("schoolCode", school, "name", "预报名", "idNumber", idNumber))
            .post("/eligibility/by-school");
    granted
        .then()
        .statusCode(201)
        .body("notice", equalTo("各位同学：请于拍摄开始前完成报名缴费。"))
        .body("shootingRequirements", equalTo("浅色墙前，他人拍摄"))
        .body("reviewPromiseText", equalTo("三个工作日内"))
        .body("supportHours", equalTo("工作日 9:00-17:00"))
        .body("uploadMinBytes", equalTo(50_000))
        .body("signUpClosesAt", equalTo(SHOOTING_OPENS.toString()))
        .body("opensAt", equalTo(SHOOTING_OPENS.toString()));
    String collectionId = granted.path("collectionId");
    Optional<ConsumerRecord<String, String>> record =
        KafkaProbe.await(
            Topics.IDENTITY_EVENTS, r -> collectionId.equals(r.key()), Duration.ofSeconds(30));
    assertTrue(record.isPresent(), "EligibilityGranted reached Kafka");
    EligibilityGranted e =
        (EligibilityGranted) EventJson.read(record.get().value()).orElseThrow().payload();
    assertEquals(SHOOTING_OPENS, e.shootingOpensAt());
    assertEquals(SHOOTING_CLOSES, e.windowClosesAt());
    assertEquals(3_000_000, e.uploadMaxBytes());
  }

  @Test
  void a_batch_without_its_own_review_text_promises_what_its_review_promise_says() {
    String school = Fixtures.newSchool("默认文字学院");
    Map<String, Object> body = body();
    body.remove("reviewPromiseText");
    body.put("reviewPromise", "PT24H");
    body.remove("supportPhone");
    create(school, body).then().statusCode(201).body("supportPhone", nullValue());
    given()
        .auth()
        .oauth2(Fixtures.student().token())
        .get("/schools/" + school + "/open-batches")
        .then()
        .statusCode(200)
        .body("[0].reviewPromiseText", equalTo("24小时内"))
        .body("[0].supportPhone", nullValue());
  }
}
