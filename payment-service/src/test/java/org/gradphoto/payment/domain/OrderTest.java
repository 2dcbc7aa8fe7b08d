package org.gradphoto.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {
  private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  static CollectionTerms terms(long priceFen, PaymentPolicy policy, boolean reviewPassed) {
    return new CollectionTerms(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "2026届",
        "10007",
        priceFen,
        policy,
        T0,
        reviewPassed);
  }

  private static Order open() {
    return Order.open(UUID.randomUUID(), terms(2500, PaymentPolicy.PAY_BEFORE_CAPTURE, false), T0);
  }

  @Test
  void the_first_success_pays_the_order_and_repeats_change_nothing() {
    Order order = open();
    assertEquals(PaymentOutcome.CONFIRMED, order.confirmPaid("4200a", 2500, T0.plusSeconds(5)));
    assertEquals(PaymentOutcome.ALREADY_PAID, order.confirmPaid("4200a", 2500, T0.plusSeconds(9)));
    assertEquals(OrderState.PAID, order.state());
    assertEquals(T0.plusSeconds(5), order.paidAt());
  }

  @Test
  void a_different_amount_is_flagged_and_leaves_the_order_unpaid() {
    Order order = open();
    assertEquals(PaymentOutcome.AMOUNT_MISMATCH, order.confirmPaid("4200a", 1, T0));
    assertEquals(OrderState.CREATED, order.state());
    assertTrue(order.anomaly().startsWith("AMOUNT_MISMATCH"));
  }

  @Test
  void another_currency_or_a_payer_total_short_of_the_total_is_flagged_and_leaves_it_unpaid() {
    Order usd = open();
    assertEquals(PaymentOutcome.AMOUNT_MISMATCH, usd.confirmPaid("4200a", 2500, 2500L, "USD", T0));
    assertEquals(OrderState.CREATED, usd.state());
    assertTrue(usd.anomaly().contains("USD"), usd.anomaly());
    Order coupon = open();
    assertEquals(PaymentOutcome.AMOUNT_MISMATCH, coupon.confirmPaid("4200a", 2500, 1L, "CNY", T0));
    assertEquals(OrderState.CREATED, coupon.state());
    assertEquals(PaymentOutcome.CONFIRMED, open().confirmPaid("4200a", 2500, 2500L, "CNY", T0));
  }

  @Test
  void a_refund_thought_failed_is_refunded_when_wechat_pay_says_it_succeeded() {
    Order order = open();
    order.confirmPaid("4200a", 2500, T0);
    order.requestRefund("学校申请退费", "op1", T0.plusSeconds(60));
    order.refundFailed("SYSTEM_ERROR");
    assertTrue(order.refundSucceeded(T0.plusSeconds(90)));
    assertEquals(OrderState.REFUNDED, order.state());
    assertFalse(order.refundSucceeded(T0.plusSeconds(95)), "once");
    assertTrue(order.matchesRefund(order.refundNo(), 2500));
    assertFalse(order.matchesRefund(order.refundNo(), 1));
    assertFalse(order.matchesRefund("R-other", 2500));
  }

  @Test
  void a_closed_order_is_not_paid_by_a_late_success_but_flagged_for_a_refund() {
    Order order = open();
    assertTrue(order.close(T0.plusSeconds(60)));
    assertEquals(PaymentOutcome.ORDER_CLOSED, order.confirmPaid("4200a", 2500, T0));
    assertEquals(OrderState.CLOSED, order.state());
    assertTrue(order.anomaly().startsWith("PAID_AFTER_CLOSE"));
  }

  @Test
  void only_a_created_order_closes_and_only_once_overdue() {
    Order order = open();
    assertFalse(order.isOverdue(T0.plus(Duration.ofMinutes(29)), Duration.ofMinutes(30)));
    assertTrue(order.isOverdue(T0.plus(Duration.ofMinutes(31)), Duration.ofMinutes(30)));
    order.confirmPaid("4200a", 2500, T0);
    assertFalse(order.close(T0.plusSeconds(60)));
    assertFalse(order.isOverdue(T0.plus(Duration.ofDays(1)), Duration.ofMinutes(30)));
  }

  @Test
  void a_refund_needs_a_paid_order_completes_once_and_cannot_be_asked_twice() {
    Order order = open();
    PaymentRefusal unpaid =
        assertThrows(PaymentRefusal.class, () -> order.requestRefund("r", "op", T0));
    assertEquals(PaymentRefusal.Reason.NOT_REFUNDABLE, unpaid.reason());
    assertEquals(OrderState.CREATED, unpaid.facts().get("state"));
    order.confirmPaid("4200a", 2500, T0);
    order.requestRefund("学校申请退费", "op", T0.plusSeconds(1));
    PaymentRefusal twice =
        assertThrows(PaymentRefusal.class, () -> order.requestRefund("r", "op", T0));
    assertEquals(RefundStatus.PENDING, twice.facts().get("refund"));
    assertTrue(order.refundSucceeded(T0.plusSeconds(2)));
    assertFalse(order.refundSucceeded(T0.plusSeconds(3)));
    assertEquals(OrderState.REFUNDED, order.state());
    assertEquals(RefundStatus.SUCCEEDED, order.refundStatus());
  }

  @Test
  void the_merchant_order_number_round_trips_to_the_order_id() {
    Order order = open();
    assertEquals(32, order.outTradeNo().length());
    assertEquals(order.id(), Order.idOfOutTradeNo(order.outTradeNo()));
    assertThrows(IllegalArgumentException.class, () -> Order.idOfOutTradeNo("../etc"));
  }

  @Test
  void a_free_batch_is_settled_without_a_transaction() {
    Order order =
        Order.settledFree(UUID.randomUUID(), terms(0, PaymentPolicy.PAY_AFTER_REVIEW, false), T0);
    assertEquals(OrderState.PAID, order.state());
    assertNull(order.transactionId());
  }
}
