package org.gradphoto.identity.domain;

/** When the student pays: before shooting, or only once the review has passed. */
public enum PaymentPolicy {
  PAY_BEFORE_CAPTURE,
  PAY_AFTER_REVIEW
}
