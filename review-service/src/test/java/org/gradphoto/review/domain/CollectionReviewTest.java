package org.gradphoto.review.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CollectionReviewTest {
  private final Instant now = Instant.parse("2026-11-23T08:00:00Z");
  private final UUID order = UUID.randomUUID();

  private CollectionReview passedPayAfterReview() {
    CollectionReview c = CollectionReview.unknown(UUID.randomUUID());
    c.eligibilityGranted(
        new Roster(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "batch",
            "10999",
            "school",
            UUID.randomUUID(),
            "1",
            "name",
            "masked",
            "BACHELOR",
            Roster.PAY_AFTER_REVIEW,
            "P2WD",
            "chsi-graduation",
            now));
    UUID task = UUID.randomUUID();
    c.photoSubmitted(task, c.batchId(), "10999");
    c.passed(task);
    c.compared(Comparison.match());
    return c;
  }

  @Test
  void a_passed_pay_after_review_collection_waits_for_the_payment() {
    CollectionReview c = passedPayAfterReview();
    assertTrue(c.awaitingPayment());
    assertFalse(c.readyToComplete());
    c.paid(order, now);
    assertTrue(c.readyToComplete());
  }

  @Test
  void a_refund_before_completion_takes_the_payment_back() {
    CollectionReview c = passedPayAfterReview();
    c.paid(order, now);
    c.refunded(order);
    assertFalse(c.readyToComplete());
    assertTrue(c.awaitingPayment());
  }

  @Test
  void a_completed_collection_keeps_its_payment_after_a_refund_and_cannot_be_reopened() {
    CollectionReview c = passedPayAfterReview();
    c.paid(order, now);
    c.complete(now);
    assertEquals(CollectionState.COMPLETED, c.state());
    c.refunded(order);
    assertEquals(now, c.paidAt());
    assertEquals(
        ReviewRefusal.Reason.COLLECTION_COMPLETED,
        assertThrows(ReviewRefusal.class, c::reopened).reason());
  }

  @Test
  void a_mismatching_roster_comparison_holds_the_collection_before_completion() {
    CollectionReview c = passedPayAfterReview();
    c.paid(order, now);
    c.compared(Comparison.mismatch("student differ"));
    assertFalse(c.readyToComplete());
  }
}
