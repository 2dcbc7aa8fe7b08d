package org.gradphoto.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The review of one submitted photo. A reviewer claims it for a lease (an abandoned claim simply
 * runs out and the task is free again), decides it once, and only an operator can reopen a
 * decision.
 */
public final class ReviewTask {
  private final UUID id;
  private final Submission submission;
  private final String correlationId;
  private Instant dueAt;
  private boolean promiseKnown;
  private TaskStatus status;
  private String claimedBy;
  private String claimedByName;
  private Instant leaseUntil;
  private Decision decision;
  private int reopenCount;

  public ReviewTask(
      UUID id,
      Submission submission,
      String correlationId,
      Instant dueAt,
      boolean promiseKnown,
      TaskStatus status,
      String claimedBy,
      String claimedByName,
      Instant leaseUntil,
      Decision decision,
      int reopenCount) {
    this.id = Objects.requireNonNull(id);
    this.submission = Objects.requireNonNull(submission);
    this.correlationId = correlationId;
    this.dueAt = dueAt;
    this.promiseKnown = promiseKnown;
    this.status = status;
    this.claimedBy = claimedBy;
    this.claimedByName = claimedByName;
    this.leaseUntil = leaseUntil;
    this.decision = decision;
    this.reopenCount = reopenCount;
  }

  /**
   * A new task for a submission, due as the promise says (provisional if the promise is unknown).
   */
  public static ReviewTask open(
      Submission submission, String correlationId, Instant dueAt, boolean promiseKnown) {
    return new ReviewTask(
        UUID.randomUUID(),
        submission,
        correlationId,
        dueAt,
        promiseKnown,
        TaskStatus.OPEN,
        null,
        null,
        null,
        null,
        0);
  }

  /** Sets the due time once the batch's promise is known. */
  public void promiseKnown(Instant dueAt) {
    this.dueAt = dueAt;
    this.promiseKnown = true;
  }

  public boolean claimLive(Instant now) {
    return claimedBy != null && leaseUntil != null && leaseUntil.isAfter(now);
  }

  public boolean heldBy(String reviewerId, Instant now) {
    return claimLive(now) && claimedBy.equals(reviewerId);
  }

  /** Claims (or renews the claim on) an open task. Fails if another reviewer holds a live claim. */
  public void claim(String reviewerId, String reviewerName, Instant now, Duration lease) {
    requireOpen();
    if (claimLive(now) && !claimedBy.equals(reviewerId)) {
      throw new ReviewRefusal(ReviewRefusal.Reason.TASK_CLAIMED);
    }
    claimedBy = reviewerId;
    claimedByName = reviewerName;
    leaseUntil = now.plus(lease);
  }

  /** Gives a claimed task back to the queue. */
  public void release(String reviewerId, Instant now) {
    requireOpen();
    if (!heldBy(reviewerId, now)) {
      throw new ReviewRefusal(ReviewRefusal.Reason.NOT_CLAIMED);
    }
    clearClaim();
  }

  /**
   * Decides the task. The reviewer must hold a live claim; a rejection needs at least one reason
   * and a pass none.
   */
  public Decision decide(
      String reviewerId,
      String reviewerName,
      Outcome outcome,
      List<GivenReason> reasons,
      String note,
      Instant now) {
    requireOpen();
    if (!heldBy(reviewerId, now)) {
      throw claimedBy != null && claimedBy.equals(reviewerId)
          ? new ReviewRefusal(ReviewRefusal.Reason.LEASE_EXPIRED)
          : new ReviewRefusal(ReviewRefusal.Reason.NOT_CLAIMED, Map.of("deciding", true));
    }
    if (outcome == Outcome.REJECT && reasons.isEmpty()) {
      throw new ReviewRefusal(ReviewRefusal.Reason.REJECT_WITHOUT_REASON);
    }
    if (outcome == Outcome.PASS && !reasons.isEmpty()) {
      throw new ReviewRefusal(ReviewRefusal.Reason.PASS_WITH_REASONS);
    }
    decision = new Decision(outcome, reasons, note, reviewerId, reviewerName, now);
    status = TaskStatus.DECIDED;
    clearClaim();
    return decision;
  }

  /** Undoes a decision (an operator's act); the task goes back to the queue. */
  public void reopen() {
    if (status == TaskStatus.WITHDRAWN) {
      throw new ReviewRefusal(ReviewRefusal.Reason.TASK_WITHDRAWN);
    }
    if (status != TaskStatus.DECIDED) {
      throw new ReviewRefusal(ReviewRefusal.Reason.NOT_DECIDED);
    }
    decision = null;
    status = TaskStatus.OPEN;
    reopenCount++;
    clearClaim();
  }

  /** A newer photo of the same collection replaces this one before it was decided. */
  public void supersede() {
    if (status == TaskStatus.OPEN) {
      status = TaskStatus.SUPERSEDED;
      clearClaim();
    }
  }

  /**
   * The student takes the photo back. Only while no reviewer holds a live claim: once someone looks
   * at it, the review runs to its end. (The store repeats this check in one conditional update, so
   * a claim that lands at the same moment either wins or loses, never both.)
   */
  public void withdraw(Instant now) {
    if (status == TaskStatus.OPEN && claimLive(now)) {
      throw new ReviewRefusal(ReviewRefusal.Reason.ALREADY_CLAIMED);
    }
    if (status != TaskStatus.OPEN) {
      throw new ReviewRefusal(ReviewRefusal.Reason.NOTHING_TO_WITHDRAW);
    }
    status = TaskStatus.WITHDRAWN;
    clearClaim();
  }

  public boolean overdue(Instant now) {
    return status == TaskStatus.OPEN && dueAt.isBefore(now);
  }

  private void requireOpen() {
    if (status == TaskStatus.DECIDED) {
      throw new ReviewRefusal(ReviewRefusal.Reason.TASK_DECIDED);
    }
    if (status == TaskStatus.SUPERSEDED) {
      throw new ReviewRefusal(ReviewRefusal.Reason.TASK_SUPERSEDED);
    }
    if (status == TaskStatus.WITHDRAWN) {
      throw new ReviewRefusal(ReviewRefusal.Reason.TASK_WITHDRAWN);
    }
  }

  private void clearClaim() {
    claimedBy = null;
    claimedByName = null;
    leaseUntil = null;
  }

  /** Turns reviewer input into reasons with the sentences students read; rejects unknown codes. */
  public static List<GivenReason> reasons(List<ReasonChoice> choices) {
    List<GivenReason> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ReasonChoice c : choices == null ? List.<ReasonChoice>of() : choices) {
      RejectionReason reason =
          RejectionReason.byCode(c.code())
              .orElseThrow(
                  () ->
                      new ReviewRefusal(
                          ReviewRefusal.Reason.UNKNOWN_REASON,
                          Map.of("code", String.valueOf(c.code()))));
      if (!seen.add(reason.name())) {
        continue;
      }
      String text = c.text() == null ? "" : c.text().strip();
      if (reason.needsText()) {
        if (text.isEmpty() || text.length() > RejectionReason.MAX_TEXT) {
          throw new ReviewRefusal(
              ReviewRefusal.Reason.OTHER_WITHOUT_TEXT,
              Map.of("maxLength", RejectionReason.MAX_TEXT));
        }
        out.add(new GivenReason(reason.name(), text));
      } else {
        out.add(new GivenReason(reason.name(), reason.sentence()));
      }
    }
    return out;
  }

  /** What a reviewer picked: a reason code and, for OTHER, their own sentence. */
  public record ReasonChoice(String code, String text) {}

  public UUID id() {
    return id;
  }

  public Submission submission() {
    return submission;
  }

  public UUID collectionId() {
    return submission.collectionId();
  }

  public String schoolCode() {
    return submission.schoolCode();
  }

  public String correlationId() {
    return correlationId;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public boolean promiseKnown() {
    return promiseKnown;
  }

  public TaskStatus status() {
    return status;
  }

  public String claimedBy() {
    return claimedBy;
  }

  public String claimedByName() {
    return claimedByName;
  }

  public Instant leaseUntil() {
    return leaseUntil;
  }

  public Decision decision() {
    return decision;
  }

  public int reopenCount() {
    return reopenCount;
  }
}
