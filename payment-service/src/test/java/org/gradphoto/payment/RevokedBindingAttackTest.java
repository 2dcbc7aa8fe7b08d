package org.gradphoto.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.EventPayload;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.StudentTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, item 1: after BindingRevoked the account that took someone's roster entry can neither
 * see nor pay the collection; the rightful student, granted the same collection, continues it, and
 * the review the other person's photo passed no longer makes it payable.
 */
@QuarkusTest
class RevokedBindingAttackTest {
  private static final Duration SETTLE = Duration.ofSeconds(30);

  @Test
  void the_old_account_loses_the_order_and_the_rightful_student_continues_the_collection() {
    UUID wrong = UUID.randomUUID();
    UUID rightful = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    UUID batch = UUID.randomUUID();
    UUID entry = UUID.randomUUID();
    send(Topics.IDENTITY_EVENTS, granted(collection, wrong, batch, entry), collection);
    assertEquals(200, Eventually.await(() -> order(wrong, collection), 200, SETTLE));
    send(Topics.REVIEW_EVENTS, passed(collection, batch), collection);
    assertEquals(
        true,
        Eventually.await(
            () -> given().auth().oauth2(token(wrong)).get(path(collection)).path("payable"),
            true,
            SETTLE));

    send(
        Topics.IDENTITY_EVENTS,
        new BindingRevoked(collection, wrong, entry, batch, "10007", Instant.now()),
        collection);
    assertEquals(404, Eventually.await(() -> order(wrong, collection), 404, SETTLE));
    given()
        .auth()
        .oauth2(token(wrong))
        .post(path(collection) + "/pay")
        .then()
        .statusCode(404)
        .body("code", equalTo("COLLECTION_NOT_FOUND"));

    send(Topics.IDENTITY_EVENTS, granted(collection, rightful, batch, entry), collection);
    assertEquals(200, Eventually.await(() -> order(rightful, collection), 200, SETTLE));
    given()
        .auth()
        .oauth2(token(rightful))
        .get(path(collection))
        .then()
        .body("payable", equalTo(false))
        .body("notPayableCode", equalTo("AWAITING_REVIEW"));
    assertEquals(404, order(wrong, collection));

    send(Topics.REVIEW_EVENTS, passed(collection, batch), collection);
    assertEquals(
        true,
        Eventually.await(
            () -> given().auth().oauth2(token(rightful)).get(path(collection)).path("payable"),
            true,
            SETTLE));
  }

  private static int order(UUID student, UUID collection) {
    return given().auth().oauth2(token(student)).get(path(collection)).statusCode();
  }

  private static String path(UUID collection) {
    return "/collections/" + collection + "/order";
  }

  private static String token(UUID student) {
    // Every student token identity issues carries the openid WeChat gave at login.
    return StudentTokens.forStudent(student, "o-" + student);
  }

  private static EligibilityGranted granted(UUID collection, UUID student, UUID batch, UUID entry) {
    return new EligibilityGranted(
        collection,
        student,
        batch,
        "2026届本科毕业生",
        "10007",
        "北京理工大学",
        entry,
        "1120200001",
        "张三",
        "RESIDENT_ID",
        "**************1234",
        "sealed",
        "BACHELOR",
        2000,
        EligibilityGranted.PAY_AFTER_REVIEW,
        "chsi-graduation",
        "PT24H",
        false,
        List.of("blue"),
        100_000,
        2_000_000,
        Instant.now().plus(Duration.ofDays(30)));
  }

  private static ReviewPassed passed(UUID collection, UUID batch) {
    return new ReviewPassed(
        collection,
        UUID.randomUUID(),
        UUID.randomUUID(),
        batch,
        "10007",
        "reviewer-1",
        "std/key.jpg",
        Instant.now());
  }

  private static void send(String topic, EventPayload payload, UUID collection) {
    KafkaProbe.send(
        topic,
        collection.toString(),
        EventJson.write(
            EventEnvelope.of(payload, collection.toString(), "corr-" + collection, Instant.now())));
  }
}
