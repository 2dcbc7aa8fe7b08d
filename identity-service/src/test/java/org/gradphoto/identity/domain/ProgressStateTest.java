package org.gradphoto.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressStateTest {

  private static List<ProgressState> statesOf(CollectionStatus status, boolean paid) {
    return Arrays.stream(ProgressState.values()).filter(s -> s.includes(status, paid)).toList();
  }

  @Test
  void a_student_who_never_started_is_eligible_not_started_and_missing() {
    assertEquals(
        List.of(ProgressState.ELIGIBLE, ProgressState.NOT_STARTED, ProgressState.MISSING),
        statesOf(null, false));
    assertEquals(ProgressState.NOT_STARTED, ProgressState.of(null));
  }

  @Test
  void a_paid_student_in_review_counts_as_paid_submitted_in_review_and_missing() {
    assertEquals(
        List.of(
            ProgressState.ELIGIBLE,
            ProgressState.PAID,
            ProgressState.SUBMITTED,
            ProgressState.IN_REVIEW,
            ProgressState.MISSING),
        statesOf(CollectionStatus.IN_REVIEW, true));
  }

  @Test
  void completed_and_delivered_students_are_no_longer_missing() {
    assertFalse(ProgressState.MISSING.includes(CollectionStatus.COMPLETED, true));
    assertFalse(ProgressState.MISSING.includes(CollectionStatus.DELIVERED, true));
    assertTrue(ProgressState.MISSING.includes(CollectionStatus.REVIEW_PASSED, true));
    assertEquals(ProgressState.DELIVERED, ProgressState.of(CollectionStatus.DELIVERED));
  }

  @Test
  void a_rejected_photo_means_to_retake_and_a_started_student_has_not_submitted() {
    assertEquals(ProgressState.TO_RETAKE, ProgressState.of(CollectionStatus.REJECTED));
    assertTrue(ProgressState.SUBMITTED.includes(CollectionStatus.REJECTED, false));
    assertFalse(ProgressState.SUBMITTED.includes(CollectionStatus.AWAITING_PHOTO, false));
    assertEquals(ProgressState.STARTED, ProgressState.of(CollectionStatus.AWAITING_PHOTO));
  }
}
