package org.gradphoto.payment.domain;

/** What a report of a successful payment did to an order. */
public enum PaymentOutcome {
  /** The order is paid now; PaymentConfirmed goes out. */
  CONFIRMED,
  /** It was paid before: a repeated notification, nothing changes. */
  ALREADY_PAID,
  /** The paid amount is not the order's: refused and flagged. */
  AMOUNT_MISMATCH,
  /** Paid after the order was closed: flagged for an operator to refund. */
  ORDER_CLOSED
}
