package org.gradphoto.payment.domain;

/** When a batch charges: before the student may shoot, or only once the review has passed. */
public enum PaymentPolicy {
  PAY_BEFORE_CAPTURE,
  PAY_AFTER_REVIEW;

  public static PaymentPolicy parse(String wire) {
    for (PaymentPolicy p : values()) {
      if (p.name().equals(wire)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown payment policy " + wire);
  }
}
