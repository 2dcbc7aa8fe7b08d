package org.gradphoto.review;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.EventPayload;
import org.gradphoto.kernel.event.EventType;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.kernel.event.PhotoSubmitted;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;

/** Events, tokens and waits shared by the tests. One {@link Student} is one fresh collection. */
final class Fixtures {
  static final Duration WAIT = Duration.ofSeconds(30);

  private Fixtures() {}

  static String staff(String user, String role, List<String> schools) {
    return Jwt.preferredUserName(user)
        .subject(user)
        .groups(Set.of(role))
        .claim("schools", schools)
        .issuer("https://server.example.com")
        .audience("https://service.example.com")
        .sign();
  }

  static String reviewer(String user, String school) {
    return staff(user, "reviewer", List.of(school));
  }

  static String operator() {
    return staff("op1", "operator", List.of());
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType("application/json");
  }

  /** The audit trail of a task as the staff API lists it. */
  static List<Map<String, Object>> audit(String token, String taskId) {
    return as(token)
        .get("/staff/tasks/" + taskId + "/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  static void publish(EventPayload payload, UUID collectionId) {
    KafkaProbe.send(
        EventType.of(payload).topic(),
        collectionId.toString(),
        EventJson.write(
            EventEnvelope.of(
                payload, collectionId.toString(), "corr-" + collectionId, Instant.now())));
  }

  /** The review event of a type for a collection, as JSON text; fails the test if none comes. */
  static String awaitReviewEvent(String type, UUID collectionId) {
    ConsumerRecord<String, String> r =
        KafkaProbe.await(
                Topics.REVIEW_EVENTS,
                rec ->
                    collectionId.toString().equals(rec.key())
                        && type.equals(KafkaProbe.header(rec, "type")),
                WAIT)
            .orElseThrow(() -> new AssertionError("no " + type + " for " + collectionId));
    return r.value();
  }

  static long countReviewEvents(String type, UUID collectionId, Duration window) {
    return KafkaProbe.all(
            Topics.REVIEW_EVENTS,
            rec ->
                collectionId.toString().equals(rec.key())
                    && type.equals(KafkaProbe.header(rec, "type")),
            window)
        .size();
  }

  /** A student of a batch: one collection, its events and its tasks. */
  record Student(UUID collectionId, UUID studentId, UUID batchId, String school) {
    static Student of(String school) {
      return new Student(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), school);
    }

    void eligible(String paymentPolicy, String promise) {
      publish(
          new EligibilityGranted(
              collectionId,
              studentId,
              batchId,
              "2027届本科毕业生",
              school,
              "测试大学",
              UUID.randomUUID(),
              "20270001",
              "张三",
              "RESIDENT_ID",
              "110105********1234",
              "sealed",
              "BACHELOR",
              3000,
              paymentPolicy,
              "chsi-graduation",
              promise,
              true,
              List.of("#64C5FF"),
              20_000,
              2_000_000,
              Instant.now().plus(Duration.ofDays(30))),
          collectionId);
    }

    void eligible() {
      eligible(EligibilityGranted.PAY_BEFORE_CAPTURE, "PT24H");
    }

    /** Submits a photo and returns its attempt id. */
    UUID submits(List<PhotoSubmitted.Finding> findings) {
      return submits(UUID.randomUUID(), findings);
    }

    /** Submits (or, with a known attempt id, sends again) a photo; returns its attempt id. */
    UUID submits(UUID attemptId, List<PhotoSubmitted.Finding> findings) {
      publish(
          new PhotoSubmitted(
              collectionId,
              attemptId,
              studentId,
              batchId,
              school,
              "chsi-graduation",
              "std/" + attemptId + ".jpg",
              "orig/" + attemptId + ".jpg",
              "cut/" + attemptId + ".png",
              "#64C5FF",
              findings,
              Map.of(
                  "headTopPx", 82.0,
                  "eyeLinePx", 246.0,
                  "faceWidthPx", 231.0,
                  "faceCenterXPx", 240.0,
                  "rollDeg", 1.2),
              Instant.now()),
          collectionId);
      return attemptId;
    }

    UUID submits() {
      return submits(List.of());
    }

    /** Publishes the payment and returns its order id. */
    UUID pays() {
      UUID orderId = UUID.randomUUID();
      publish(
          new PaymentConfirmed(orderId, collectionId, 3000, "wx-" + collectionId, Instant.now()),
          collectionId);
      return orderId;
    }

    void refunded(UUID orderId) {
      publish(
          new PaymentRefunded(orderId, collectionId, 3000, "学生申请", Instant.now()), collectionId);
    }

    /** Waits until the open task of this attempt is in the queue and returns its id. */
    String awaitTask(String token, UUID attemptId) {
      String[] found = {null};
      Eventually.await(
          () -> {
            List<Map<String, Object>> items =
                as(token)
                    .queryParam("school", school)
                    .queryParam("batch", batchId.toString())
                    .queryParam("limit", 200)
                    .get("/staff/tasks")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items");
            items.stream()
                .filter(i -> attemptId.toString().equals(i.get("attemptId")))
                .findFirst()
                .ifPresent(i -> found[0] = (String) i.get("id"));
            return found[0] != null;
          },
          true,
          WAIT);
      if (found[0] == null) {
        throw new AssertionError("no review task opened for attempt " + attemptId);
      }
      return found[0];
    }

    /** The collection's state as the task view shows it. */
    String state(String token, String taskId) {
      return as(token).get("/staff/tasks/" + taskId).then().extract().path("collection.state");
    }
  }
}
