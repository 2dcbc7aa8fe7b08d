package org.gradphoto.payment;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
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
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.LocalWeChatControl;
import org.gradphoto.testsupport.StudentTokens;

/** A student with one collection, driven through the real broker and the HTTP API. */
final class PaymentFixture {
  final UUID studentId = UUID.randomUUID();
  final UUID collectionId = UUID.randomUUID();
  final UUID batchId = UUID.randomUUID();
  final String openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
  final String token = StudentTokens.forStudent(studentId, openid);
  private Response lastPay;

  static String operatorToken() {
    return Jwt.preferredUserName("op1")
        .groups(Set.of("operator"))
        .issuer("https://server.example.com")
        .audience("https://service.example.com")
        .sign();
  }

  /** Publishes EligibilityGranted and waits until payment knows the collection. */
  PaymentFixture granted(long priceFen, String policy) {
    EligibilityGranted granted =
        new EligibilityGranted(
            collectionId,
            studentId,
            batchId,
            "2026届本科毕业生",
            "10007",
            "北京理工大学",
            UUID.randomUUID(),
            "1120200001",
            "张三",
            "RESIDENT_ID",
            "110105********1234",
            "sealed",
            "BACHELOR",
            priceFen,
            policy,
            "chsi-graduation",
            "PT24H",
            false,
            List.of("blue"),
            100_000,
            2_000_000,
            Instant.now().plus(Duration.ofDays(30)));
    KafkaProbe.send(
        Topics.IDENTITY_EVENTS,
        collectionId.toString(),
        EventJson.write(
            EventEnvelope.of(
                granted, collectionId.toString(), "corr-" + collectionId, Instant.now())));
    int status = Eventually.await(() -> viewOrder().statusCode(), 200, Duration.ofSeconds(30));
    if (status != 200) {
      throw new AssertionError("payment never learned of the collection: HTTP " + status);
    }
    return this;
  }

  void reviewPassed() {
    ReviewPassed passed =
        new ReviewPassed(
            collectionId,
            UUID.randomUUID(),
            UUID.randomUUID(),
            batchId,
            "10007",
            "reviewer-1",
            "std/key.jpg",
            Instant.now());
    KafkaProbe.send(
        Topics.REVIEW_EVENTS,
        collectionId.toString(),
        EventJson.write(
            EventEnvelope.of(
                passed, collectionId.toString(), "corr-" + collectionId, Instant.now())));
  }

  Response viewOrder() {
    return given().auth().oauth2(token).get("/collections/{id}/order", collectionId);
  }

  Response pay() {
    Response r = given().auth().oauth2(token).post("/collections/{id}/order/pay", collectionId);
    if (r.statusCode() == 200) {
      lastPay = r;
    }
    return r;
  }

  /** Pays and returns the order id; fails the test if paying is refused. */
  UUID orderPaidFor() {
    Response r = pay();
    if (r.statusCode() != 200) {
      throw new AssertionError("pay refused: " + r.asString());
    }
    return UUID.fromString(r.path("orderId"));
  }

  /** The student confirms the last payment in WeChat, WeChat Pay behaving as scripted. */
  Response confirms(Map<String, ?> script) {
    Map<String, Object> all = new java.util.HashMap<>(script);
    all.put("action", "confirm");
    return LocalWeChatControl.requestPayment(lastPay, all);
  }

  Response confirms() {
    return confirms(Map.of());
  }

  /** Another WeChat user tries to pay this student's last order. */
  Response confirmsAs(String otherOpenid) {
    return LocalWeChatControl.requestPayment(
        lastPay, Map.of("action", "confirm", "openid", otherOpenid));
  }

  Response lastPay() {
    return lastPay;
  }

  String orderState() {
    return viewOrder().path("state");
  }

  /** The payment events of this collection of a type, after waiting {@code quiet} for more. */
  List<ConsumerRecord<String, String>> paymentEvents(String type, Duration quiet) {
    try {
      Thread.sleep(quiet.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return PaymentEventsTap.get().of(collectionId.toString(), type);
  }

  boolean paymentEventArrives(String type) {
    return Eventually.await(
        () -> !PaymentEventsTap.get().of(collectionId.toString(), type).isEmpty(),
        true,
        Duration.ofSeconds(20));
  }
}
