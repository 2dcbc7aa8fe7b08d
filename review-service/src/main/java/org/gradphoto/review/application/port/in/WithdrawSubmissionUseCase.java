package org.gradphoto.review.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/**
 * A student takes back the photo waiting for review, as long as no reviewer has claimed it (the
 * Xinhua collection allows it): the task leaves the queue and capture opens again for a retake.
 */
public interface WithdrawSubmissionUseCase {
  /**
   * Withdraws the collection's waiting submission; refuses with {@code ALREADY_CLAIMED} when a
   * reviewer holds a live claim, {@code NOTHING_TO_WITHDRAW} when no photo waits, and {@code
   * COLLECTION_NOT_FOUND} when the collection is not this student's. Runs in the caller's
   * transaction; emits SubmissionWithdrawn.
   */
  Uni<Withdrawal> withdraw(UUID studentId, UUID collectionId);

  /** What was withdrawn, and when. */
  record Withdrawal(UUID collectionId, UUID attemptId, UUID reviewTaskId, Instant withdrawnAt) {}
}
