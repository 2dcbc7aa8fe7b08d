package org.gradphoto.payment.domain;

import java.time.Instant;
import java.util.UUID;

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
      return Payability.no("ALREADY_PAID", "已支付，无需重复支付；重拍和驳回后重新提交不再收费");
    }
    if (current != null && current.state() == OrderState.REFUNDED) {
      return Payability.no("REFUNDED", "该采集的费用已退款，如需继续采集请联系学校");
    }
    if (isFree()) {
      return Payability.no("FREE", "本批次免费，无需支付");
    }
    if (policy == PaymentPolicy.PAY_AFTER_REVIEW && !reviewPassed) {
      return Payability.no("AWAITING_REVIEW", "本批次在照片审核通过后支付，请先完成拍照并等待审核");
    }
    return Payability.YES;
  }
}
