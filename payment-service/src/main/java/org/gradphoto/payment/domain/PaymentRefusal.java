package org.gradphoto.payment.domain;

import java.util.Map;
import org.gradphoto.kernel.error.Refusal;

/**
 * A rule of payment said no: which rule, and the facts that matter. The words a student or an
 * operator reads and the HTTP answer are the inbound adapter's business ({@code
 * adapter.in.rest.PaymentRefusals}).
 */
public final class PaymentRefusal extends Refusal {

  /** Every way payment refuses; the adapter must word each one (an exhaustive switch). */
  public enum Reason {
    /** The collection is unknown, or not the caller's (the two are not told apart). */
    COLLECTION_NOT_FOUND,
    ORDER_NOT_FOUND,
    /** Not payable: the collection's order is paid (a retake or resubmission costs nothing). */
    ALREADY_PAID,
    /** Not payable: the collection's fee was refunded. */
    REFUNDED,
    /** Not payable: the batch is free. */
    FREE,
    /** Not payable yet: the batch is paid after the review passes. */
    AWAITING_REVIEW,
    /** The student token names no WeChat user to pay as. */
    OPENID_MISSING,
    /** WeChat Pay did not answer, or refused for a reason of its own. */
    PAYMENT_UNAVAILABLE,
    /** A refund was sent but WeChat Pay's answer is unknown; it stays pending. */
    REFUND_PENDING,
    /** Fact {@code max}: the longest refund reason WeChat Pay accepts. */
    REFUND_REASON_INVALID,
    /** Facts {@code state} ({@link OrderState}) and {@code refund} ({@link RefundStatus}). */
    NOT_REFUNDABLE,
    /** Fact {@code errorCode}: WeChat Pay's code for refusing the refund. */
    REFUND_FAILED,
    /** A notification whose signature or encryption does not verify. */
    SIGNATURE_INVALID,
    /** A notification for another merchant or app. */
    MERCHANT_MISMATCH,
    /** A notification for an order this service never opened. */
    UNKNOWN_ORDER,
    /** A payment notification whose amount or currency is not the order's (flagged). */
    AMOUNT_MISMATCH,
    /** A refund notification whose refund number or amount is not the order's refund. */
    REFUND_MISMATCH
  }

  public PaymentRefusal(Reason reason) {
    this(reason, Map.of());
  }

  public PaymentRefusal(Reason reason, Map<String, Object> facts) {
    super(reason, facts);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
