package org.gradphoto.payment.domain;

/** The life of an order: created, then paid (and perhaps refunded), or closed unpaid. */
public enum OrderState {
  CREATED,
  PAID,
  CLOSED,
  REFUNDED
}
