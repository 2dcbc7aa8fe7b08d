package org.gradphoto.identity.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CollectionStatusTest {
  static final Instant T = Instant.parse("2026-06-10T04:00:00Z");

  @Test
  void a_retake_after_a_rejection_moves_back_to_review() {
    assertTrue(CollectionStatus.REJECTED.accepts(CollectionStatus.IN_REVIEW, T.plusSeconds(1), T));
  }

  @Test
  void an_older_event_arriving_late_does_not_overwrite_a_newer_status() {
    assertFalse(
        CollectionStatus.REVIEW_PASSED.accepts(CollectionStatus.IN_REVIEW, T.minusSeconds(5), T));
  }

  @Test
  void completed_moves_only_to_delivered_and_delivered_never_moves() {
    assertFalse(CollectionStatus.COMPLETED.accepts(CollectionStatus.REJECTED, T.plusSeconds(9), T));
    assertTrue(CollectionStatus.COMPLETED.accepts(CollectionStatus.DELIVERED, T.plusSeconds(9), T));
    assertFalse(
        CollectionStatus.DELIVERED.accepts(CollectionStatus.COMPLETED, T.plusSeconds(9), T));
  }

  @Test
  void completion_applies_even_if_it_arrives_before_the_submission_it_follows() {
    assertTrue(
        CollectionStatus.IN_REVIEW.accepts(CollectionStatus.COMPLETED, T.minusSeconds(5), T));
  }
}
