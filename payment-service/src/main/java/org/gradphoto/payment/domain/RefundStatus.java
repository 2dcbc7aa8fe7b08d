package org.gradphoto.payment.domain;

/** Where an operator's refund stands at WeChat Pay. */
public enum RefundStatus {
  NONE,
  PENDING,
  SUCCEEDED,
  FAILED
}
