package org.gradphoto.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.payment.application.port.in.MaintainOrdersUseCase;
import org.gradphoto.payment.domain.Order;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.LocalWeChatControl;
import org.gradphoto.testsupport.LocalWeChatResource;
import org.junit.jupiter.api.Test;

/**
 * Both payment policies end to end: events in through the real broker, the HTTP API, the SDK
 * talking to the local WeChat, signed notifications back to the real endpoint, events out through
 * the outbox.
 */
@QuarkusTest
class PaymentFlowTest {
  private static final Duration SETTLE = Duration.ofSeconds(15);
  private static final String NOTIFICATION_LOGGER =
      "org.gradphoto.payment.application.service.PaymentNotificationService";

  @Inject MaintainOrdersUseCase maintenance;

  @Test
  void a_pay_before_capture_order_paid_and_notified_five_times_is_confirmed_exactly_once()
      throws Throwable {
    PaymentFixture s = new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    s.viewOrder()
        .then()
        .statusCode(200)
        .body("state", equalTo("NONE"))
        .body("amountFen", equalTo(2500))
        .body("amountYuan", equalTo("25.00"))
        .body("payable", equalTo(true));

    Response pay = s.pay();
    pay.then()
        .statusCode(200)
        .body("amountFen", equalTo(2500))
        .body("appId", equalTo(LocalWeChatResource.APP_ID))
        .body("package", startsWith("prepay_id=wx"))
        .body("signType", equalTo("RSA"));
    UUID orderId = UUID.fromString(pay.path("orderId"));
    // WeChat checks the merchant's paySign before the user may pay; a tampered one is refused.
    LocalWeChatControl.requestPayment(pay, Map.of("paySign", "AAAA" + pay.path("paySign")))
        .then()
        .statusCode(400)
        .body("code", equalTo("SIGN_ERROR"));

    s.confirms(Map.of("notifications", 5)).then().statusCode(200);

    assertTrue(s.paymentEventArrives("PaymentConfirmed"), "PaymentConfirmed is published");
    String outTradeNo = Order.outTradeNoOf(orderId);
    assertEquals(
        5, Eventually.await(() -> LocalWeChatControl.deliveries(outTradeNo).size(), 5, SETTLE));
    LocalWeChatControl.deliveries(outTradeNo)
        .forEach(d -> assertEquals(204, d, "every delivery is acknowledged"));
    var confirmed = s.paymentEvents("PaymentConfirmed", Duration.ofSeconds(1));
    assertEquals(1, confirmed.size(), "one PaymentConfirmed for five notifications");
    PaymentConfirmed event =
        (PaymentConfirmed) EventJson.read(confirmed.get(0).value()).orElseThrow().payload();
    assertEquals(orderId, event.orderId());
    assertEquals(2500, event.amountFen());
    assertThat(event.transactionId(), startsWith("4200"));

    s.viewOrder()
        .then()
        .body("state", equalTo("PAID"))
        .body("payable", equalTo(false))
        .body("notPayableCode", equalTo("ALREADY_PAID"));
    s.pay()
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("ALREADY_PAID"))
        .body("detail", containsString("已支付"));
    s.confirms().then().statusCode(409).body("code", equalTo("ORDERPAID"));
  }

  @Test
  void a_pay_after_review_collection_can_be_paid_only_once_its_review_passed() {
    PaymentFixture s = new PaymentFixture().granted(2000, EligibilityGranted.PAY_AFTER_REVIEW);
    s.viewOrder()
        .then()
        .body("payable", equalTo(false))
        .body("notPayableCode", equalTo("AWAITING_REVIEW"))
        .body("notPayableReason", containsString("审核通过后"));
    s.pay().then().statusCode(409).body("code", equalTo("AWAITING_REVIEW"));

    s.reviewPassed();
    assertEquals(true, Eventually.await(() -> s.viewOrder().path("payable"), true, SETTLE));
    s.orderPaidFor();
    s.confirms().then().statusCode(200);

    assertTrue(s.paymentEventArrives("PaymentConfirmed"), "PaymentConfirmed is published");
    assertEquals("PAID", s.orderState());
  }

  @Test
  void a_review_passed_before_eligibility_arrives_still_unlocks_payment() {
    PaymentFixture s = new PaymentFixture();
    s.reviewPassed();
    s.granted(2000, EligibilityGranted.PAY_AFTER_REVIEW);
    assertEquals(true, Eventually.await(() -> s.viewOrder().path("payable"), true, SETTLE));
  }

  @Test
  void forged_and_tampered_notifications_are_refused_and_change_nothing() {
    PaymentFixture s = new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    UUID orderId = s.orderPaidFor();
    // Paid in WeChat, but the notification is lost: only forgeries reach the service for now.
    s.confirms(Map.of("notifications", 0)).then().statusCode(200);
    LocalWeChatControl.Signed genuine =
        LocalWeChatControl.paymentNotification(Order.outTradeNoOf(orderId));
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(r.getMessage() + " " + Arrays.toString(r.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger notificationLog = Logger.getLogger(NOTIFICATION_LOGGER);
    notificationLog.addHandler(capture);

    String tamperedBody =
        genuine.body().replaceFirst("\"summary\":\"[^\"]*\"", "\"summary\":\"x\"");
    assertNotEquals(genuine.body(), tamperedBody);
    notify(genuine.headers(), tamperedBody).then().statusCode(401);

    Map<String, String> wrongSignature = new java.util.HashMap<>(genuine.headers());
    wrongSignature.put(
        "Wechatpay-Signature",
        LocalWeChatControl.signAsPlatform("something else").get("Wechatpay-Signature"));
    notify(wrongSignature, genuine.body()).then().statusCode(401);

    Map<String, String> unknownKey = new java.util.HashMap<>(genuine.headers());
    unknownKey.put("Wechatpay-Serial", "PUB_KEY_ID_FORGER");
    notify(unknownKey, genuine.body()).then().statusCode(401);

    Map<String, String> stale = new java.util.HashMap<>(genuine.headers());
    stale.put(
        "Wechatpay-Timestamp", Long.toString(Instant.now().minusSeconds(3600).getEpochSecond()));
    notify(stale, genuine.body()).then().statusCode(401);

    notify(Map.of("Content-Type", "application/json"), "{}").then().statusCode(401);

    notificationLog.removeHandler(capture);
    assertEquals(5, logged.stream().filter(l -> l.contains("refused")).count(), logged.toString());
    String payer = s.openid;
    String ciphertext = genuine.body().replaceFirst(".*\"ciphertext\":\"([^\"]{16}).*", "$1");
    logged.forEach(
        line -> {
          assertFalse(line.contains(payer), "the log names no payer: " + line);
          assertFalse(line.contains(ciphertext), "the log quotes no notification: " + line);
        });
    assertEquals("CREATED", s.orderState());
    assertTrue(
        s.paymentEvents("PaymentConfirmed", Duration.ofSeconds(1)).isEmpty(), "nothing confirmed");

    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString(
                "payment_notifications_refused_total{code=\"SIGNATURE_INVALID\",kind=\"payment\""));

    // The genuine notification, with the SDK's real verification, does pay the order.
    notify(genuine.headers(), genuine.body()).then().statusCode(204);
    assertEquals("PAID", s.orderState());
    assertTrue(s.paymentEventArrives("PaymentConfirmed"), "PaymentConfirmed is published");
  }

  @Test
  void a_notification_with_another_amount_is_refused_and_the_order_flagged() throws Throwable {
    PaymentFixture s = new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    UUID orderId = s.orderPaidFor();
    s.confirms(Map.of("reported_amount_fen", 1)).then().statusCode(200);

    String outTradeNo = Order.outTradeNoOf(orderId);
    assertEquals(
        1, Eventually.await(() -> LocalWeChatControl.deliveries(outTradeNo).size(), 1, SETTLE));
    assertEquals(422, LocalWeChatControl.deliveries(outTradeNo).get(0));
    assertEquals("CREATED", s.orderState());
    assertTrue(
        s.paymentEvents("PaymentConfirmed", Duration.ofSeconds(1)).isEmpty(), "nothing confirmed");

    given()
        .auth()
        .oauth2(PaymentFixture.operatorToken())
        .queryParam("batchId", s.batchId)
        .queryParam("flagged", true)
        .get("/operator/orders")
        .then()
        .statusCode(200)
        .body("orderId", hasItem(orderId.toString()))
        .body("[0].anomaly", startsWith("AMOUNT_MISMATCH"))
        .body("[0].state", equalTo("CREATED"));
    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString(
                "payment_notifications_refused_total{code=\"AMOUNT_MISMATCH\",kind=\"payment\""));

    // A flagged order is left to an operator: the sweep neither queries nor closes it.
    VertxContextSupport.subscribeAndAwait(
        () -> maintenance.sweep(Instant.now().plus(Duration.ofMinutes(31))));
    given()
        .auth()
        .oauth2(PaymentFixture.operatorToken())
        .queryParam("batchId", s.batchId)
        .get("/operator/orders")
        .then()
        .body("[0].orderId", equalTo(orderId.toString()))
        .body("[0].state", equalTo("CREATED"))
        .body("[0].anomaly", startsWith("AMOUNT_MISMATCH"));
  }

  @Test
  void a_payment_whose_notification_is_lost_is_confirmed_by_the_reconciling_query()
      throws Throwable {
    PaymentFixture s = new PaymentFixture().granted(3000, EligibilityGranted.PAY_BEFORE_CAPTURE);
    UUID orderId = s.orderPaidFor();
    s.confirms(Map.of("notifications", 0)).then().statusCode(200);
    assertEquals("CREATED", s.orderState());

    var report =
        VertxContextSupport.subscribeAndAwait(
            () -> maintenance.sweep(Instant.now().plus(Duration.ofMinutes(3))));

    assertTrue(report.confirmed() >= 1, "the sweep confirmed the order");
    assertEquals("PAID", s.orderState());
    assertTrue(s.paymentEventArrives("PaymentConfirmed"), "PaymentConfirmed is published");
    assertEquals(1, s.paymentEvents("PaymentConfirmed", Duration.ofSeconds(1)).size());
  }

  @Test
  void a_late_notification_pays_the_order_when_it_finally_arrives() {
    PaymentFixture s = new PaymentFixture().granted(3000, EligibilityGranted.PAY_BEFORE_CAPTURE);
    UUID orderId = s.orderPaidFor();
    s.confirms(Map.of("delay_ms", 2000)).then().statusCode(200);
    assertEquals("CREATED", s.orderState());
    assertEquals("PAID", Eventually.await(s::orderState, "PAID", SETTLE));
  }

  @Test
  void an_operator_asks_wechat_pay_about_an_order_and_it_is_reconciled() {
    PaymentFixture s = new PaymentFixture().granted(3000, EligibilityGranted.PAY_BEFORE_CAPTURE);
    UUID orderId = s.orderPaidFor();
    s.confirms(Map.of("notifications", 0)).then().statusCode(200);
    given()
        .auth()
        .oauth2(PaymentFixture.operatorToken())
        .post("/operator/orders/{id}/reconcile", orderId)
        .then()
        .statusCode(200)
        .body("state", equalTo("PAID"))
        .body("transactionId", startsWith("4200"));
  }

  @Test
  void an_unpaid_order_is_closed_after_the_timeout_and_can_no_longer_be_paid() throws Throwable {
    PaymentFixture s = new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    UUID orderId = s.orderPaidFor();

    VertxContextSupport.subscribeAndAwait(
        () -> maintenance.sweep(Instant.now().plus(Duration.ofMinutes(31))));

    given()
        .auth()
        .oauth2(PaymentFixture.operatorToken())
        .queryParam("batchId", s.batchId)
        .get("/operator/orders")
        .then()
        .body("[0].orderId", equalTo(orderId.toString()))
        .body("[0].state", equalTo("CLOSED"))
        .body("[0].closedAt", not(nullValue()));
    s.confirms()
        .then()
        .statusCode(409)
        .body("code", equalTo("ORDER_CLOSED"))
        .body("detail", containsString("订单已关闭"));
    assertTrue(
        s.paymentEvents("PaymentConfirmed", Duration.ofSeconds(1)).isEmpty(), "nothing confirmed");

    // The student starts over: a new order, which pays normally.
    UUID second = s.orderPaidFor();
    assertNotEquals(orderId, second);
    s.confirms().then().statusCode(200);
    assertTrue(s.paymentEventArrives("PaymentConfirmed"), "PaymentConfirmed is published");
  }

  @Test
  void an_operator_refunds_a_paid_order_with_a_reason_and_payment_refunded_goes_out() {
    PaymentFixture s = new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    UUID orderId = s.orderPaidFor();
    s.confirms().then().statusCode(200);
    assertEquals("PAID", Eventually.await(s::orderState, "PAID", SETTLE));
    String operator = PaymentFixture.operatorToken();

    given()
        .auth()
        .oauth2(operator)
        .contentType("application/json")
        .body(Map.of("reason", ""))
        .post("/operator/orders/{id}/refund", orderId)
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(operator)
        .contentType("application/json")
        .body(Map.of("reason", "学生毕业延期，学校申请退费"))
        .post("/operator/orders/{id}/refund", orderId)
        .then()
        .statusCode(200)
        .body("refundStatus", equalTo("PENDING"))
        .body("refundReason", equalTo("学生毕业延期，学校申请退费"));

    // The local WeChat completes the refund a moment later and sends the refund notification.
    assertTrue(s.paymentEventArrives("PaymentRefunded"), "PaymentRefunded is published");
    PaymentRefunded refunded =
        (PaymentRefunded)
            EventJson.read(s.paymentEvents("PaymentRefunded", Duration.ofSeconds(1)).get(0).value())
                .orElseThrow()
                .payload();
    assertEquals(2500, refunded.amountFen());
    assertEquals("学生毕业延期，学校申请退费", refunded.reason());
    assertEquals("REFUNDED", s.orderState());
    s.viewOrder()
        .then()
        .body("payable", equalTo(false))
        .body("notPayableCode", equalTo("REFUNDED"));
    given()
        .auth()
        .oauth2(operator)
        .contentType("application/json")
        .body(Map.of("reason", "again"))
        .post("/operator/orders/{id}/refund", orderId)
        .then()
        .statusCode(409)
        .body("code", equalTo("NOT_REFUNDABLE"));
  }

  @Test
  void the_reconciliation_export_lists_a_batch_orders_as_csv() {
    PaymentFixture s = new PaymentFixture().granted(2550, EligibilityGranted.PAY_BEFORE_CAPTURE);
    UUID orderId = s.orderPaidFor();
    s.confirms().then().statusCode(200);
    assertEquals("PAID", Eventually.await(s::orderState, "PAID", SETTLE));

    String csv =
        given()
            .auth()
            .oauth2(PaymentFixture.operatorToken())
            .queryParam("batchId", s.batchId)
            .get("/operator/orders/export.csv")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .header("Content-Disposition", containsString(s.batchId.toString()))
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertEquals(2, lines.size(), csv);
    assertThat(lines.get(0), containsString("out_trade_no,transaction_id"));
    assertThat(lines.get(1), startsWith(orderId + "," + Order.outTradeNoOf(orderId) + ",4200"));
    assertThat(lines.get(1), containsString(",2550,25.50,PAID,"));
  }

  @Test
  void a_free_batch_is_settled_at_eligibility_without_asking_the_student_to_pay() {
    PaymentFixture s = new PaymentFixture().granted(0, EligibilityGranted.PAY_BEFORE_CAPTURE);
    assertTrue(s.paymentEventArrives("PaymentConfirmed"), "PaymentConfirmed is published");
    s.viewOrder().then().body("state", equalTo("PAID")).body("payable", equalTo(false));
  }

  @Test
  void a_student_sees_and_pays_only_their_own_collection() {
    PaymentFixture owner =
        new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    PaymentFixture other = new PaymentFixture();
    given()
        .auth()
        .oauth2(other.token)
        .get("/collections/{id}/order", owner.collectionId)
        .then()
        .statusCode(404)
        .body("code", equalTo("COLLECTION_NOT_FOUND"));
    given()
        .auth()
        .oauth2(other.token)
        .post("/collections/{id}/order/pay", owner.collectionId)
        .then()
        .statusCode(404);
    UUID orderId = owner.orderPaidFor();
    owner.confirmsAs(other.openid).then().statusCode(403).body("code", equalTo("PAYER_MISMATCH"));
    given().get("/collections/{id}/order", owner.collectionId).then().statusCode(401);
    given().auth().oauth2(owner.token).get("/operator/orders").then().statusCode(403);
  }

  /** Pays an order and waits until payment knows it is paid. */
  private static PaymentFixture paidStudent(long priceFen) {
    PaymentFixture s =
        new PaymentFixture().granted(priceFen, EligibilityGranted.PAY_BEFORE_CAPTURE);
    s.orderPaidFor();
    s.confirms().then().statusCode(200);
    assertEquals("PAID", Eventually.await(s::orderState, "PAID", SETTLE));
    return s;
  }

  private static Response refund(UUID orderId) {
    return given()
        .auth()
        .oauth2(PaymentFixture.operatorToken())
        .contentType("application/json")
        .body(Map.of("reason", "学校申请退费"))
        .post("/operator/orders/{id}/refund", orderId);
  }

  private static UUID orderIdOf(PaymentFixture s) {
    return UUID.fromString(s.viewOrder().path("orderId"));
  }

  @Test
  void a_wechat_pay_that_times_out_answers_a_clear_problem_and_the_next_try_pays_the_same_order() {
    PaymentFixture s = new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    // Both attempts (the first and its one retry) get no answer.
    LocalWeChatControl.misbehave("/v3/pay/transactions/jsapi", "timeout", 6000, 2);
    s.pay()
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("code", equalTo("PAYMENT_UNAVAILABLE"))
        .body("detail", equalTo("微信服务暂时不可用，请稍后再试"));
    UUID first = UUID.fromString(s.viewOrder().path("orderId"));
    assertEquals("CREATED", s.orderState(), "an unpaid order, nothing else");
    UUID second = s.orderPaidFor();
    assertEquals(first, second, "the same order is offered again");
    s.confirms().then().statusCode(200);
    assertEquals("PAID", Eventually.await(s::orderState, "PAID", SETTLE));
  }

  @Test
  void one_wechat_pay_call_without_an_answer_is_retried_and_the_student_pays() {
    PaymentFixture s = new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    LocalWeChatControl.misbehave("/v3/pay/transactions/jsapi", "error", 0, 1);
    UUID order = s.orderPaidFor();
    s.confirms().then().statusCode(200);
    assertEquals("PAID", Eventually.await(s::orderState, "PAID", SETTLE));
    assertEquals(order, orderIdOf(s));
  }

  @Test
  void wechat_pay_failing_again_and_again_opens_the_breaker_and_nothing_is_sent_until_it_closes() {
    PaymentFixture paid = paidStudent(2500);
    UUID paidOrder = orderIdOf(paid);
    PaymentFixture s = new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    // Three pays, each tried twice, all answered 500: the test profile's breaker judges 6 calls.
    LocalWeChatControl.misbehave("/v3/pay/transactions/jsapi", "error", 0, 6);
    for (int i = 0; i < 3; i++) {
      s.pay().then().statusCode(503).body("code", equalTo("PAYMENT_UNAVAILABLE"));
    }
    // WeChat Pay is well again, but the breaker is open: nothing is sent, and the answer says so.
    LocalWeChatControl.behave();
    s.pay()
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("detail", equalTo("微信服务暂时不可用，请稍后再试"));
    refund(paidOrder)
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("code", equalTo("PAYMENT_UNAVAILABLE"))
        .body("detail", equalTo("微信服务暂时不可用，请稍后再试"));
    assertEquals("PAID", paid.orderState(), "the refund was not sent: the order is as it was");
    // Once the breaker lets a call through again, both go through.
    UUID first = orderIdOf(s);
    assertEquals(200, Eventually.await(() -> s.pay().statusCode(), 200, Duration.ofSeconds(40)));
    s.confirms().then().statusCode(200);
    assertEquals("PAID", Eventually.await(s::orderState, "PAID", SETTLE));
    assertEquals(first, orderIdOf(s), "the order the failed tries opened is the one paid");
    refund(paidOrder).then().statusCode(200);
    assertEquals("REFUNDED", Eventually.await(paid::orderState, "REFUNDED", SETTLE));
  }

  @Test
  void a_notification_that_arrives_before_the_query_agrees_pays_once_and_the_sweep_keeps_it_paid()
      throws Throwable {
    PaymentFixture s = new PaymentFixture().granted(2500, EligibilityGranted.PAY_BEFORE_CAPTURE);
    s.orderPaidFor();
    s.confirms(Map.of("query_lag_ms", 60_000)).then().statusCode(200);
    assertEquals("PAID", Eventually.await(s::orderState, "PAID", SETTLE));
    // WeChat Pay's query still says NOTPAY: an overdue sweep must neither close nor unpay it.
    VertxContextSupport.subscribeAndAwait(
        () -> maintenance.sweep(Instant.now().plus(Duration.ofMinutes(31))));
    assertEquals("PAID", s.orderState());
    assertEquals(1, s.paymentEvents("PaymentConfirmed", Duration.ofSeconds(1)).size());
  }

  @Test
  void a_refund_whose_call_timed_out_but_succeeded_ends_refunded_by_the_success_notification() {
    PaymentFixture s = paidStudent(2500);
    UUID orderId = orderIdOf(s);
    // WeChat Pay does the refund but answers after the service gave up (3 s), and notifies later.
    // Both attempts: the retry finds the refund WeChat Pay made and is slow to answer too.
    LocalWeChatControl.misbehave("/v3/refund/domestic/refunds", "slow", 5000, 2);
    LocalWeChatControl.scriptNextRefund(Map.of("delay_ms", 9000));
    refund(orderId)
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("code", equalTo("REFUND_PENDING"));
    s.viewOrder().then().body("state", equalTo("PAID"));
    assertEquals("REFUNDED", Eventually.await(s::orderState, "REFUNDED", SETTLE));
    assertTrue(s.paymentEventArrives("PaymentRefunded"), "PaymentRefunded is published");
  }

  @Test
  void a_refund_whose_call_timed_out_and_whose_notification_is_lost_ends_refunded_by_the_query()
      throws Throwable {
    PaymentFixture s = paidStudent(2500);
    UUID orderId = orderIdOf(s);
    LocalWeChatControl.misbehave("/v3/refund/domestic/refunds", "slow", 5000, 2);
    LocalWeChatControl.scriptNextRefund(Map.of("notifications", 0));
    refund(orderId).then().statusCode(503).body("code", equalTo("REFUND_PENDING"));
    assertEquals("PAID", s.orderState());
    VertxContextSupport.subscribeAndAwait(
        () -> maintenance.sweep(Instant.now().plus(Duration.ofMinutes(31))));
    assertEquals("REFUNDED", s.orderState(), "the sweep's refund query settled it");
    assertTrue(s.paymentEventArrives("PaymentRefunded"), "PaymentRefunded is published");
  }

  @Test
  void a_refund_lost_on_the_way_to_wechat_pay_is_sent_again_by_the_sweep_and_ends_refunded()
      throws Throwable {
    PaymentFixture s = paidStudent(2500);
    UUID orderId = orderIdOf(s);
    // The refund call and its retry hang past the service's 3 s; WeChat Pay never records them.
    LocalWeChatControl.misbehave("/v3/refund/domestic/refunds", "timeout", 5000, 2);
    refund(orderId).then().statusCode(503).body("code", equalTo("REFUND_PENDING"));
    assertEquals("PAID", s.orderState());
    assertEquals(
        List.of(204),
        LocalWeChatControl.deliveries(Order.outTradeNoOf(orderId)),
        "WeChat Pay made no refund: only the payment was notified");
    // Its refund query answers RESOURCE_NOT_EXISTS: the sweep sends the same refund again.
    VertxContextSupport.subscribeAndAwait(
        () -> maintenance.sweep(Instant.now().plus(Duration.ofMinutes(31))));
    assertEquals("REFUNDED", Eventually.await(s::orderState, "REFUNDED", SETTLE));
    assertEquals(
        List.of(204, 204),
        Eventually.await(
            () -> LocalWeChatControl.deliveries(Order.outTradeNoOf(orderId)),
            List.of(204, 204),
            SETTLE),
        "one refund, notified once and taken");
    assertTrue(s.paymentEventArrives("PaymentRefunded"), "PaymentRefunded is published");
    assertEquals(1, s.paymentEvents("PaymentRefunded", Duration.ofSeconds(2)).size());
  }

  @Test
  void refund_notifications_naming_another_merchant_or_amount_are_refused() {
    PaymentFixture s = paidStudent(2500);
    String outTradeNo = Order.outTradeNoOf(orderIdOf(s));
    LocalWeChatControl.scriptNextRefund(Map.of("mchid", "1230000109", "notifications", 1));
    refund(orderIdOf(s)).then().statusCode(200).body("refundStatus", equalTo("PENDING"));
    assertEquals(
        List.of(204, 400),
        Eventually.await(
            () -> LocalWeChatControl.deliveries(outTradeNo), List.of(204, 400), SETTLE),
        "the payment notification was taken, the refund notification refused");
    assertEquals("PAID", s.orderState());

    PaymentFixture t = paidStudent(2500);
    String other = Order.outTradeNoOf(orderIdOf(t));
    LocalWeChatControl.scriptNextRefund(Map.of("refund_fen", 1));
    refund(orderIdOf(t)).then().statusCode(200);
    assertEquals(
        422,
        Eventually.await(
            () -> {
              List<Integer> d = LocalWeChatControl.deliveries(other);
              return d.size() < 2 ? 0 : d.get(1);
            },
            422,
            SETTLE));
    assertEquals("PAID", t.orderState());
  }

  private static Response notify(Map<String, String> headers, String body) {
    return given().headers(headers).body(body).post("/wechatpay/notify");
  }
}
