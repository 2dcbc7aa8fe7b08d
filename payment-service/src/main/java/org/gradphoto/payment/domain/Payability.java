package org.gradphoto.payment.domain;

/**
 * Whether a student may pay for a collection now and, if not, why: a stable code and the sentence
 * the student reads.
 */
public record Payability(boolean payable, String code, String reason) {
  public static final Payability YES = new Payability(true, null, null);

  public static Payability no(String code, String reason) {
    return new Payability(false, code, reason);
  }
}
