package org.gradphoto.review.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Review-service's view of one collection. Events from three producers arrive in any order, so it
 * keeps whatever it has learnt (roster, payment, latest photo) and completes the collection as soon
 * as everything completion needs is there: a passed photo, a matching roster comparison and, for
 * pay-after-review batches, the payment.
 */
public final class CollectionReview {
  private final UUID collectionId;
  private UUID batchId;
  private String schoolCode;
  private Roster roster;
  private Instant paidAt;
  private UUID orderId;
  private CollectionState state;
  private UUID currentTaskId;
  private UUID passedTaskId;
  private Comparison comparison;
  private Instant completedAt;

  public CollectionReview(
      UUID collectionId,
      UUID batchId,
      String schoolCode,
      Roster roster,
      Instant paidAt,
      UUID orderId,
      CollectionState state,
      UUID currentTaskId,
      UUID passedTaskId,
      Comparison comparison,
      Instant completedAt) {
    this.collectionId = Objects.requireNonNull(collectionId);
    this.batchId = batchId;
    this.schoolCode = schoolCode;
    this.roster = roster;
    this.paidAt = paidAt;
    this.orderId = orderId;
    this.state = state;
    this.currentTaskId = currentTaskId;
    this.passedTaskId = passedTaskId;
    this.comparison = comparison;
    this.completedAt = completedAt;
  }

  public static CollectionReview unknown(UUID collectionId) {
    return new CollectionReview(
        collectionId,
        null,
        null,
        null,
        null,
        null,
        CollectionState.AWAITING_PHOTO,
        null,
        null,
        null,
        null);
  }

  public void eligibilityGranted(Roster roster) {
    this.roster = roster;
    this.batchId = roster.batchId();
    this.schoolCode = roster.schoolCode();
  }

  public void paid(UUID orderId, Instant paidAt) {
    if (this.paidAt == null) {
      this.orderId = orderId;
      this.paidAt = paidAt;
    }
  }

  /**
   * The order was refunded: a collection not yet complete no longer counts as paid (a complete one
   * stays complete; what follows a refund after delivery is an operator's business).
   */
  public void refunded(UUID orderId) {
    if (state != CollectionState.COMPLETED
        && (this.orderId == null || this.orderId.equals(orderId))) {
      this.paidAt = null;
      this.orderId = null;
    }
  }

  /** Whether a new photo may open a review: not once one has passed (the photo is then final). */
  public boolean acceptsNewPhoto() {
    return state != CollectionState.PASSED && state != CollectionState.COMPLETED;
  }

  public void photoSubmitted(UUID taskId, UUID batchId, String schoolCode) {
    this.currentTaskId = taskId;
    if (this.batchId == null) {
      this.batchId = batchId;
    }
    if (this.schoolCode == null) {
      this.schoolCode = schoolCode;
    }
    this.state = CollectionState.IN_REVIEW;
  }

  /**
   * The student withdrew the photo waiting for review: no photo is waiting any more, so capture is
   * open again and the next submission opens a new task.
   */
  public void withdrawn() {
    state = CollectionState.AWAITING_PHOTO;
    currentTaskId = null;
  }

  /** True while a submitted photo waits for (or is in) review. */
  public boolean inReview() {
    return state == CollectionState.IN_REVIEW && currentTaskId != null;
  }

  public void rejected() {
    state = CollectionState.REJECTED;
  }

  public void passed(UUID taskId) {
    state = CollectionState.PASSED;
    passedTaskId = taskId;
    comparison = null;
  }

  /** The comparison runs once per pass, as soon as the roster record is known. */
  public boolean needsComparison() {
    return state == CollectionState.PASSED && comparison == null && roster != null;
  }

  public void compared(Comparison result) {
    this.comparison = result;
  }

  public boolean readyToComplete() {
    return state == CollectionState.PASSED
        && roster != null
        && comparison != null
        && comparison.matched()
        && (!roster.payAfterReview() || paidAt != null);
  }

  public void complete(Instant at) {
    if (!readyToComplete()) {
      throw new IllegalStateException("collection is not ready to complete");
    }
    state = CollectionState.COMPLETED;
    completedAt = at;
  }

  /**
   * An operator unbound the roster entry from the account that held it: what that account's photo
   * reached (review, comparison, completion) is void and the roster facts wait for the rightful
   * student's grant; a payment stays with the collection.
   */
  public void revoked() {
    roster = null;
    state = CollectionState.AWAITING_PHOTO;
    currentTaskId = null;
    passedTaskId = null;
    comparison = null;
    completedAt = null;
  }

  /** Whether a photo comes from the account the collection is granted to (when that is known). */
  public boolean fromOwner(UUID studentId) {
    return roster == null || roster.studentId() == null || roster.studentId().equals(studentId);
  }

  /** An operator reopened the decision on the current photo: back to review. */
  public void reopened() {
    if (state == CollectionState.COMPLETED) {
      throw new ReviewRefusal(ReviewRefusal.Reason.COLLECTION_COMPLETED);
    }
    state = CollectionState.IN_REVIEW;
    passedTaskId = null;
    comparison = null;
  }

  /** True while completion waits only for the payment of a pay-after-review batch. */
  public boolean awaitingPayment() {
    return state == CollectionState.PASSED
        && roster != null
        && roster.payAfterReview()
        && paidAt == null;
  }

  public UUID collectionId() {
    return collectionId;
  }

  public UUID batchId() {
    return batchId;
  }

  public String schoolCode() {
    return schoolCode;
  }

  public Roster roster() {
    return roster;
  }

  public Instant paidAt() {
    return paidAt;
  }

  public UUID orderId() {
    return orderId;
  }

  public CollectionState state() {
    return state;
  }

  public UUID currentTaskId() {
    return currentTaskId;
  }

  public UUID passedTaskId() {
    return passedTaskId;
  }

  public Comparison comparison() {
    return comparison;
  }

  public Instant completedAt() {
    return completedAt;
  }
}
