package org.gradphoto.payment.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The order of one collection: one amount, paid at most once. WeChat Pay knows it by {@link
 * #outTradeNo()}; it may notify many times, and only the first success changes anything.
 */
public final class Order {
  private final UUID id;
  private final UUID collectionId;
  private final UUID studentId;
  private final UUID batchId;
  private final String schoolCode;
  private final long amountFen;
  private final Instant createdAt;
  private OrderState state;
  private String prepayId;
  private Instant prepaidAt;
  private String transactionId;
  private Instant paidAt;
  private Instant closedAt;
  private RefundStatus refundStatus;
  private String refundReason;
  private String refundedBy;
  private Instant refundRequestedAt;
  private Instant refundedAt;
  private String anomaly;

  /** Rebuilds an order from storage; {@link #open} starts a new one. */
  public Order(
      UUID id,
      UUID collectionId,
      UUID studentId,
      UUID batchId,
      String schoolCode,
      long amountFen,
      Instant createdAt,
      OrderState state,
      String prepayId,
      Instant prepaidAt,
      String transactionId,
      Instant paidAt,
      Instant closedAt,
      RefundStatus refundStatus,
      String refundReason,
      String refundedBy,
      Instant refundRequestedAt,
      Instant refundedAt,
      String anomaly) {
    this.id = id;
    this.collectionId = collectionId;
    this.studentId = studentId;
    this.batchId = batchId;
    this.schoolCode = schoolCode;
    this.amountFen = amountFen;
    this.createdAt = createdAt;
    this.state = state;
    this.prepayId = prepayId;
    this.prepaidAt = prepaidAt;
    this.transactionId = transactionId;
    this.paidAt = paidAt;
    this.closedAt = closedAt;
    this.refundStatus = refundStatus == null ? RefundStatus.NONE : refundStatus;
    this.refundReason = refundReason;
    this.refundedBy = refundedBy;
    this.refundRequestedAt = refundRequestedAt;
    this.refundedAt = refundedAt;
    this.anomaly = anomaly;
  }

  /** A new unpaid order for the collection, at the price fixed when eligibility was granted. */
  public static Order open(UUID id, CollectionTerms terms, Instant now) {
    return new Order(
        id,
        terms.collectionId(),
        terms.studentId(),
        terms.batchId(),
        terms.schoolCode(),
        terms.priceFen(),
        now,
        OrderState.CREATED,
        null,
        null,
        null,
        null,
        null,
        RefundStatus.NONE,
        null,
        null,
        null,
        null,
        null);
  }

  /** A free batch needs no payment: its order is settled the moment it exists. */
  public static Order settledFree(UUID id, CollectionTerms terms, Instant now) {
    Order order = open(id, terms, now);
    order.state = OrderState.PAID;
    order.paidAt = now;
    return order;
  }

  /** The merchant order number WeChat Pay knows: the order id without dashes (32 characters). */
  public String outTradeNo() {
    return outTradeNoOf(id);
  }

  public static String outTradeNoOf(UUID orderId) {
    return orderId.toString().replace("-", "");
  }

  /** The merchant refund number: one refund per order. */
  public String refundNo() {
    return "R" + outTradeNo();
  }

  public static UUID idOfOutTradeNo(String outTradeNo) {
    if (outTradeNo == null || !outTradeNo.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("not an order number of this service");
    }
    return UUID.fromString(
        outTradeNo.replaceFirst(
            "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}+)",
            "$1-$2-$3-$4-$5"));
  }

  public void prepared(String newPrepayId, Instant now) {
    if (state == OrderState.CREATED) {
      this.prepayId = newPrepayId;
      this.prepaidAt = now;
    }
  }

  /**
   * WeChat Pay says the order was paid (by notification or by query). Only a created order with the
   * exact amount becomes paid; anything else changes nothing or is flagged for an operator.
   */
  public PaymentOutcome confirmPaid(String wechatTransactionId, long paidFen, Instant when) {
    return confirmPaid(wechatTransactionId, paidFen, null, null, when);
  }

  /**
   * The same, also judging the currency and what the payer paid ({@code payerFen}; null when not
   * reported). The merchant offers no coupons, so the payer pays exactly the total, in CNY.
   */
  public PaymentOutcome confirmPaid(
      String wechatTransactionId, long paidFen, Long payerFen, String currency, Instant when) {
    if (state == OrderState.PAID || state == OrderState.REFUNDED) {
      return PaymentOutcome.ALREADY_PAID;
    }
    if (currency != null && !"CNY".equals(currency)) {
      anomaly = "AMOUNT_MISMATCH: WeChat Pay reported the currency " + currency + ", not CNY";
      return PaymentOutcome.AMOUNT_MISMATCH;
    }
    if (payerFen != null && payerFen != paidFen) {
      anomaly =
          "AMOUNT_MISMATCH: the payer paid " + payerFen + " fen of a total of " + paidFen + " fen";
      return PaymentOutcome.AMOUNT_MISMATCH;
    }
    if (paidFen != amountFen) {
      anomaly = "AMOUNT_MISMATCH: WeChat Pay reported " + paidFen + " fen, order is " + amountFen;
      return PaymentOutcome.AMOUNT_MISMATCH;
    }
    if (state == OrderState.CLOSED) {
      anomaly = "PAID_AFTER_CLOSE: transaction " + wechatTransactionId + " needs a refund";
      return PaymentOutcome.ORDER_CLOSED;
    }
    state = OrderState.PAID;
    transactionId = wechatTransactionId;
    paidAt = when;
    return PaymentOutcome.CONFIRMED;
  }

  /** Closes an unpaid order (timed out, or WeChat Pay reports it closed). */
  public boolean close(Instant now) {
    if (state != OrderState.CREATED) {
      return false;
    }
    state = OrderState.CLOSED;
    closedAt = now;
    return true;
  }

  public boolean isOverdue(Instant now, java.time.Duration closeAfter) {
    return state == OrderState.CREATED && createdAt.plus(closeAfter).isBefore(now);
  }

  /** An operator asks for the money back; the refund completes when WeChat Pay says so. */
  public void requestRefund(String reason, String operatorId, Instant now) {
    if (state != OrderState.PAID || transactionId == null || refundStatus == RefundStatus.PENDING) {
      throw new PaymentRefusal(
          PaymentRefusal.Reason.NOT_REFUNDABLE, Map.of("state", state, "refund", refundStatus));
    }
    refundStatus = RefundStatus.PENDING;
    refundReason = reason;
    refundedBy = operatorId;
    refundRequestedAt = now;
  }

  /**
   * WeChat Pay completed the refund; true the first time only. A refund we had marked failed counts
   * too: WeChat Pay's word on where the money is wins over our guess.
   */
  public boolean refundSucceeded(Instant when) {
    if (state != OrderState.PAID
        || (refundStatus != RefundStatus.PENDING && refundStatus != RefundStatus.FAILED)) {
      return false;
    }
    state = OrderState.REFUNDED;
    refundStatus = RefundStatus.SUCCEEDED;
    refundedAt = when;
    return true;
  }

  /** Whether WeChat Pay's report is about this order's one refund, of its whole amount. */
  public boolean matchesRefund(String reportedRefundNo, long reportedFen) {
    return refundNo().equals(reportedRefundNo) && reportedFen == amountFen;
  }

  public void refundFailed(String why) {
    if (refundStatus == RefundStatus.PENDING) {
      refundStatus = RefundStatus.FAILED;
      anomaly = "REFUND_FAILED: " + why;
    }
  }

  public void flag(String why) {
    anomaly = why;
  }

  public UUID id() {
    return id;
  }

  public UUID collectionId() {
    return collectionId;
  }

  public UUID studentId() {
    return studentId;
  }

  public UUID batchId() {
    return batchId;
  }

  public String schoolCode() {
    return schoolCode;
  }

  public long amountFen() {
    return amountFen;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public OrderState state() {
    return state;
  }

  public String prepayId() {
    return prepayId;
  }

  public Instant prepaidAt() {
    return prepaidAt;
  }

  public String transactionId() {
    return transactionId;
  }

  public Instant paidAt() {
    return paidAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public RefundStatus refundStatus() {
    return refundStatus;
  }

  public String refundReason() {
    return refundReason;
  }

  public String refundedBy() {
    return refundedBy;
  }

  public Instant refundRequestedAt() {
    return refundRequestedAt;
  }

  public Instant refundedAt() {
    return refundedAt;
  }

  public String anomaly() {
    return anomaly;
  }
}
