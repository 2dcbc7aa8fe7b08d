package org.gradphoto.review.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.event.SubmissionWithdrawn;
import org.gradphoto.review.application.port.in.WithdrawSubmissionUseCase;
import org.gradphoto.review.application.port.out.AuditTrail;
import org.gradphoto.review.application.port.out.CollectionReviews;
import org.gradphoto.review.application.port.out.EventPublisher;
import org.gradphoto.review.application.port.out.ReviewTasks;
import org.gradphoto.review.domain.AuditEntry;
import org.gradphoto.review.domain.CollectionReview;
import org.gradphoto.review.domain.ReviewRefusal;
import org.gradphoto.review.domain.ReviewTask;

/**
 * The student's withdrawal of a waiting photo. The collection is locked first (as the event
 * handlers and decisions do); the task is not locked but withdrawn by one conditional update, so a
 * reviewer's claim at the same moment either lands first (the student is refused) or finds the task
 * withdrawn (the reviewer is refused): exactly one of them wins.
 */
@ApplicationScoped
class WithdrawalService implements WithdrawSubmissionUseCase {
  /** How the audit names the student (the id is the actor; no personal data in the audit). */
  static final String STUDENT = "学生";

  private final ReviewTasks tasks;
  private final CollectionReviews collections;
  private final AuditTrail audit;
  private final EventPublisher events;
  private final Clock clock;

  WithdrawalService(
      ReviewTasks tasks,
      CollectionReviews collections,
      AuditTrail audit,
      EventPublisher events,
      Clock clock) {
    this.tasks = tasks;
    this.collections = collections;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Uni<Withdrawal> withdraw(UUID studentId, UUID collectionId) {
    Instant now = clock.instant();
    return collections
        .lock(collectionId)
        .map(found -> found.orElseThrow(WithdrawalService::notFound))
        .chain(
            collection -> {
              if (!collection.inReview()) {
                return ownedTask(studentId, collection)
                    .chain(
                        ignored ->
                            Uni.createFrom()
                                .failure(
                                    new ReviewRefusal(ReviewRefusal.Reason.NOTHING_TO_WITHDRAW)));
              }
              return ownedTask(studentId, collection)
                  .chain(task -> withdrawLocked(studentId, collection, task, now));
            });
  }

  private Uni<Withdrawal> withdrawLocked(
      UUID studentId, CollectionReview collection, ReviewTask task, Instant now) {
    task.withdraw(now); // refuses a claimed or closed task before touching the store
    return tasks
        .withdrawIfUnclaimed(task.id(), now)
        .chain(
            won -> {
              if (!won) {
                // A reviewer claimed it between our read and our update.
                return Uni.createFrom()
                    .failure(new ReviewRefusal(ReviewRefusal.Reason.ALREADY_CLAIMED));
              }
              collection.withdrawn();
              var s = task.submission();
              SubmissionWithdrawn event =
                  new SubmissionWithdrawn(
                      s.collectionId(),
                      s.attemptId(),
                      task.id(),
                      s.studentId(),
                      s.batchId(),
                      s.schoolCode(),
                      now);
              return collections
                  .save(collection)
                  .chain(
                      () ->
                          audit.record(
                              AuditEntry.of(
                                  task,
                                  AuditEntry.Action.WITHDRAWN,
                                  studentId.toString(),
                                  STUDENT,
                                  List.of(),
                                  "学生撤回了待审核的照片",
                                  now)))
                  .chain(() -> events.publish(event, s.collectionId(), task.correlationId(), now))
                  .replaceWith(new Withdrawal(s.collectionId(), s.attemptId(), task.id(), now));
            });
  }

  /**
   * The collection's latest task, if it is this student's. A collection without a task is checked
   * against the roster record instead.
   */
  private Uni<ReviewTask> ownedTask(UUID studentId, CollectionReview collection) {
    boolean rosterSaysMine =
        collection.roster() != null && studentId.equals(collection.roster().studentId());
    if (collection.currentTaskId() == null) {
      return rosterSaysMine ? Uni.createFrom().nullItem() : Uni.createFrom().failure(notFound());
    }
    return tasks
        .find(collection.currentTaskId())
        .map(
            t -> {
              ReviewTask task = t.orElseThrow(WithdrawalService::notFound);
              UUID submittedBy = task.submission().studentId();
              boolean mine = submittedBy != null ? studentId.equals(submittedBy) : rosterSaysMine;
              if (!mine) {
                throw notFound();
              }
              return task;
            });
  }

  private static ReviewRefusal notFound() {
    return new ReviewRefusal(ReviewRefusal.Reason.COLLECTION_NOT_FOUND);
  }
}
