package org.gradphoto.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.delivery.Fixtures.Student;
import org.gradphoto.delivery.adapter.out.persistence.ConsentEntity;
import org.gradphoto.delivery.adapter.out.persistence.LegacyOpenIds;
import org.gradphoto.delivery.adapter.out.wechat.MiniProgramPages;
import org.gradphoto.delivery.config.DeliveryKeys;
import org.gradphoto.delivery.domain.NotificationKind;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.LocalWeChatControl;
import org.gradphoto.testsupport.StudentTokens;
import org.junit.jupiter.api.Test;

/**
 * Review results from Kafka: the student's status moves, a subscription message goes out through
 * WxJava to the local WeChat (its inbox) only against an unused authorisation, and every attempt is
 * recorded. The openid the consent keeps is sealed at rest.
 */
@QuarkusTest
class NotificationTest {
  @Inject DeliveryKeys keys;
  @Inject LegacyOpenIds legacy;

  private static ConsentEntity row(UUID studentId) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () -> Panache.withSession(() -> ConsentEntity.<ConsentEntity>findById(studentId)));
  }

  private static void rejected(Student s) {
    Fixtures.publish(
        Topics.REVIEW_EVENTS,
        new ReviewRejected(
            s.collectionId(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            s.batchId(),
            s.schoolCode(),
            "r1",
            List.of(new ReviewRejected.Reason("HEAD_TILTED", "头部歪斜，请正对镜头重拍")),
            Instant.now()),
        s.collectionId());
  }

  private static List<String> outcomes(UUID collectionId) {
    return given()
        .auth()
        .oauth2(Fixtures.staff("operator"))
        .get("/collections/" + collectionId + "/notifications")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("outcome");
  }

  private static io.restassured.response.ValidatableResponse consent(String token, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .post("/students/me/notification-consent")
        .then();
  }

  @Test
  void a_student_who_authorised_once_is_told_once_and_every_attempt_is_recorded() throws Throwable {
    Student s =
        Student.of(
            UUID.randomUUID(), "10997", "2023200101", "110105200005051234", "chsi-graduation");
    Fixtures.grant(s);
    String openid = "o-notify-" + UUID.randomUUID();
    String token = StudentTokens.forStudent(s.studentId(), openid);
    consent(token, "{\"accepted\":true}")
        .statusCode(200)
        .body("authorised", equalTo(true))
        .body("available", equalTo(1));
    // At rest the openid is sealed with delivery's key; the plain column stays empty.
    ConsentEntity stored = row(s.studentId());
    assertNull(stored.legacyOpenId);
    assertFalse(stored.openIdSealed.contains(openid));
    assertEquals(openid, keys.sealer().open(stored.openIdSealed));

    rejected(s);
    assertEquals(
        List.of("SENT"),
        Eventually.await(
            () -> outcomes(s.collectionId()), List.of("SENT"), Duration.ofSeconds(60)));
    // WeChat got it: the student's inbox in the local WeChat holds the message WxJava sent.
    List<Map<String, Object>> inbox = LocalWeChatControl.inbox(openid);
    assertEquals(1, inbox.size());
    assertEquals("local-review-result", inbox.get(0).get("template_id"));
    assertEquals(MiniProgramPages.collection(s.collectionId()), inbox.get(0).get("page"));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) inbox.get(0).get("data");
    assertEquals(NotificationKind.REVIEW_REJECTED.result(), data.get("phrase1"));
    assertEquals(NotificationKind.REVIEW_REJECTED.remark(), data.get("thing3"));
    assertTrue(String.valueOf(data.get("time2")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
    given()
        .auth()
        .oauth2(token)
        .get("/students/me/collections")
        .then()
        .body("[0].status", equalTo("REJECTED"))
        .body("[0].statusLabel", equalTo("初审失败，请重拍"));

    Fixtures.publish(
        Topics.REVIEW_EVENTS,
        new ReviewPassed(
            s.collectionId(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            s.batchId(),
            s.schoolCode(),
            "r1",
            "standardized/x.jpg",
            Instant.now()),
        s.collectionId());
    List<String> both = List.of("SENT", "SKIPPED_NO_CONSENT");
    assertEquals(
        both, Eventually.await(() -> outcomes(s.collectionId()), both, Duration.ofSeconds(60)));
    assertEquals(1, LocalWeChatControl.inbox(openid).size());
    given()
        .auth()
        .oauth2(token)
        .get("/students/me/notification-consent")
        .then()
        .body("authorised", equalTo(false))
        .body("accepted", equalTo(1));
    given()
        .auth()
        .oauth2(token)
        .get("/students/me/collections")
        .then()
        .body("[0].status", equalTo("REVIEW_PASSED"));
  }

  @Test
  void a_failing_wechat_is_recorded_and_the_authorisation_is_kept_for_the_next_result() {
    Student s =
        Student.of(
            UUID.randomUUID(), "10997", "2023200102", "110105200005051234", "chsi-graduation");
    Fixtures.grant(s);
    String openid = "o-notify-" + UUID.randomUUID();
    consent(StudentTokens.forStudent(s.studentId(), openid), "{\"accepted\":true}").statusCode(200);
    LocalWeChatControl.misbehave("/cgi-bin/message/subscribe/send", "error", 0, 20);
    try {
      rejected(s);
      assertEquals(
          List.of("FAILED"),
          Eventually.await(
              () -> outcomes(s.collectionId()), List.of("FAILED"), Duration.ofSeconds(60)));
    } finally {
      LocalWeChatControl.behave();
    }
    assertEquals(List.of(), LocalWeChatControl.inbox(openid));
    given()
        .auth()
        .oauth2(StudentTokens.forStudent(s.studentId(), openid))
        .get("/students/me/notification-consent")
        .then()
        .body("authorised", equalTo(true))
        .body("available", equalTo(1));

    rejected(s);
    List<String> both = List.of("FAILED", "SENT");
    assertEquals(
        both, Eventually.await(() -> outcomes(s.collectionId()), both, Duration.ofSeconds(60)));
    assertEquals(1, LocalWeChatControl.inbox(openid).size());
  }

  @Test
  void a_plain_openid_of_an_older_consent_is_sealed_and_still_used() throws Throwable {
    UUID studentId = UUID.randomUUID();
    String openid = "o-legacy-" + UUID.randomUUID();
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () -> {
                  ConsentEntity e = new ConsentEntity();
                  e.studentId = studentId;
                  e.legacyOpenId = openid;
                  e.available = 1;
                  e.accepted = 1;
                  e.decidedAt = Instant.now();
                  return e.persist();
                }));

    assertTrue(VertxContextSupport.subscribeAndAwait(() -> legacy.seal()) >= 1);

    ConsentEntity stored = row(studentId);
    assertNull(stored.legacyOpenId);
    assertEquals(openid, keys.sealer().open(stored.openIdSealed));
    given()
        .auth()
        .oauth2(StudentTokens.forStudent(studentId))
        .get("/students/me/notification-consent")
        .then()
        .body("authorised", equalTo(true))
        .body("available", equalTo(1));
  }

  @Test
  void a_declined_authorisation_is_recorded_and_allows_nothing() {
    String token = StudentTokens.forStudent(UUID.randomUUID());
    consent(token, "{\"accepted\":false}")
        .statusCode(200)
        .body("authorised", equalTo(false))
        .body("declined", equalTo(1));
    consent(token, "{}").statusCode(400);
  }
}
