package org.gradphoto.payment.domain;

import java.time.Instant;
import java.util.UUID;
import org.gradphoto.payment.domain.PaymentRefusal.Reason;

/**
 * A collection as payment sees it: whose it is and the batch terms at eligibility time (the price
 * the page showed is the price charged), plus whether its review has passed.
 */
public record CollectionTerms(
    UUID collectionId,
    UUID studentId,
    UUID batchId,
    String batchName,
    String schoolCode,
    long priceFen,
    PaymentPolicy policy,
    Instant grantedAt,
    boolean reviewPassed) {

  public boolean isFree() {
    return priceFen == 0;
  }

  /** Nobody owns a collection whose binding was revoked (studentId null) until it is granted. */
  public boolean belongsTo(UUID student) {
    return studentId != null && studentId.equals(student);
  }

  /** The rules of paying, given the collection's current order (null if none yet). */
  public Payability payability(Order current) {
    if (current != null && current.state() == OrderState.PAID) {
      return Payability.no(Reason.ALREADY_PAID);
    }
    if (current != null && current.state() == OrderState.REFUNDED) {
      return Payability.no(Reason.REFUNDED);
    }
    if (isFree()) {
      return Payability.no(Reason.FREE);
    }
    if (policy == PaymentPolicy.PAY_AFTER_REVIEW && !reviewPassed) {
      return Payability.no(Reason.AWAITING_REVIEW);
    }
    return Payability.YES;
  }
}
