package org.gradphoto.payment.domain;

import org.gradphoto.payment.domain.PaymentRefusal.Reason;

/**
 * Whether a student may pay for a collection now and, if not, why ({@code notPayable}: one of
 * {@link Reason#ALREADY_PAID}, {@link Reason#REFUNDED}, {@link Reason#FREE}, {@link
 * Reason#AWAITING_REVIEW}); the sentence the student reads is the REST adapter's.
 */
public record Payability(Reason notPayable) {
  public static final Payability YES = new Payability(null);

  public static Payability no(Reason why) {
    return new Payability(why);
  }

  public boolean payable() {
    return notPayable == null;
  }

  /** The refusal paying now meets. */
  public PaymentRefusal refusal() {
    return new PaymentRefusal(notPayable);
  }
}
