package org.gradphoto.review.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What identity-service told us when the student proved eligibility: the roster record the
 * comparison step checks a passed photo against, and the batch terms (promise, payment policy).
 * Holds personal data (name, student number): shown to staff, never logged.
 */
public record Roster(
    UUID studentId,
    UUID batchId,
    String batchName,
    String schoolCode,
    String schoolName,
    UUID rosterEntryId,
    String studentNumber,
    String studentName,
    String idNumberMasked,
    String degreeLevel,
    String paymentPolicy,
    String reviewPromise,
    String specProfile,
    Instant grantedAt) {
  public static final String PAY_AFTER_REVIEW = "PAY_AFTER_REVIEW";

  public boolean payAfterReview() {
    return PAY_AFTER_REVIEW.equals(paymentPolicy);
  }
}
