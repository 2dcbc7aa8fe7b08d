package org.gradphoto.review.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.kernel.event.PhotoSubmitted;
import org.gradphoto.review.application.port.in.FollowCollectionsUseCase;
import org.gradphoto.review.application.port.out.AuditTrail;
import org.gradphoto.review.application.port.out.CollectionReviews;
import org.gradphoto.review.application.port.out.ReviewTasks;
import org.gradphoto.review.domain.AuditEntry;
import org.gradphoto.review.domain.CollectionReview;
import org.gradphoto.review.domain.Finding;
import org.gradphoto.review.domain.ReviewTask;
import org.gradphoto.review.domain.Roster;
import org.gradphoto.review.domain.Submission;
import org.gradphoto.review.domain.TaskStatus;
import org.gradphoto.review.domain.WorkingCalendar;

@ApplicationScoped
class CollectionFlowService implements FollowCollectionsUseCase {
  private final ReviewTasks tasks;
  private final CollectionReviews collections;
  private final AuditTrail audit;
  private final CollectionCompletion completion;
  private final WorkingCalendar calendar;
  private final Clock clock;

  CollectionFlowService(
      ReviewTasks tasks,
      CollectionReviews collections,
      AuditTrail audit,
      CollectionCompletion completion,
      WorkingCalendar calendar,
      Clock clock) {
    this.tasks = tasks;
    this.collections = collections;
    this.audit = audit;
    this.completion = completion;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Uni<Void> eligibilityGranted(EligibilityGranted e, String correlationId) {
    Instant now = clock.instant();
    Roster roster =
        new Roster(
            e.studentId(),
            e.batchId(),
            e.batchName(),
            e.schoolCode(),
            e.schoolName(),
            e.rosterEntryId(),
            e.studentNumber(),
            e.studentName(),
            e.idNumberMasked(),
            e.degreeLevel(),
            e.paymentPolicy(),
            e.reviewPromise(),
            e.specProfile(),
            now);
    return loadOrStart(e.collectionId())
        .chain(
            collection -> {
              collection.eligibilityGranted(roster);
              return duePerPromise(collection).chain(() -> completion.advance(collection, now));
            });
  }

  /** A photo that came before the batch terms got a provisional due time; set the real one. */
  private Uni<Void> duePerPromise(CollectionReview collection) {
    if (collection.currentTaskId() == null) {
      return Uni.createFrom().voidItem();
    }
    return tasks
        .findForUpdate(collection.currentTaskId())
        .chain(
            found -> {
              if (found.isEmpty()
                  || found.get().promiseKnown()
                  || found.get().status() != TaskStatus.OPEN) {
                return Uni.createFrom().voidItem();
              }
              ReviewTask task = found.get();
              task.promiseKnown(
                  calendar.dueAt(
                      task.submission().submittedAt(), collection.roster().reviewPromise()));
              return tasks.update(task);
            });
  }

  @Override
  public Uni<Void> bindingRevoked(BindingRevoked e, String correlationId) {
    Instant now = clock.instant();
    return loadOrStart(e.collectionId())
        .chain(
            collection ->
                current(collection)
                    .chain(task -> supersede(task, now, "绑定已解除"))
                    .chain(
                        () -> {
                          collection.revoked();
                          return collections.save(collection);
                        }));
  }

  @Override
  public Uni<Void> photoSubmitted(PhotoSubmitted e, String correlationId) {
    Instant now = clock.instant();
    Submission submission =
        new Submission(
            e.collectionId(),
            e.attemptId(),
            e.studentId(),
            e.batchId(),
            e.schoolCode(),
            e.specProfile(),
            e.standardizedKey(),
            e.originalKey(),
            e.cutoutKey(),
            e.backgroundColour(),
            e.findings() == null
                ? List.of()
                : e.findings().stream()
                    .map(
                        f ->
                            new Finding(
                                f.code(), f.severity(), f.message(), f.measured(), f.threshold()))
                    .toList(),
            e.geometry(),
            e.submittedAt() == null ? now : e.submittedAt());
    return loadOrStart(e.collectionId())
        .chain(
            collection -> {
              if (!collection.fromOwner(e.studentId())) {
                // Sent by an account whose binding was revoked before it arrived.
                Log.warnf(
                    "photo %s of collection %s ignored: not from the account it is granted to",
                    e.attemptId(), e.collectionId());
                return Uni.createFrom().voidItem();
              }
              if (!collection.acceptsNewPhoto()) {
                // Capture locks the photo once it passed; a late duplicate must not reopen review.
                Log.warnf(
                    "photo %s of collection %s ignored: the collection already passed review",
                    e.attemptId(), e.collectionId());
                return Uni.createFrom().voidItem();
              }
              return current(collection)
                  .chain(
                      previous -> {
                        if (previous != null
                            && previous.submission().attemptId().equals(e.attemptId())) {
                          // The same attempt sent again under a new event id: one task is enough.
                          return Uni.createFrom().voidItem();
                        }
                        return open(collection, previous, submission, correlationId, now);
                      });
            });
  }

  private Uni<Void> open(
      CollectionReview collection,
      ReviewTask previous,
      Submission submission,
      String correlationId,
      Instant now) {
    String promise = collection.roster() == null ? null : collection.roster().reviewPromise();
    ReviewTask task =
        ReviewTask.open(
            submission,
            correlationId,
            calendar.dueAt(submission.submittedAt(), promise),
            promise != null);
    return supersede(previous, now, "新照片已提交")
        .chain(() -> tasks.add(task))
        .chain(() -> audit.record(AuditEntry.bySystem(task, AuditEntry.Action.OPENED, null, now)))
        .chain(
            () -> {
              collection.photoSubmitted(task.id(), submission.batchId(), submission.schoolCode());
              return collections.save(collection);
            });
  }

  private Uni<ReviewTask> current(CollectionReview collection) {
    if (collection.currentTaskId() == null) {
      return Uni.createFrom().nullItem();
    }
    return tasks.findForUpdate(collection.currentTaskId()).map(found -> found.orElse(null));
  }

  private Uni<Void> supersede(ReviewTask old, Instant now, String why) {
    if (old == null || old.status() != TaskStatus.OPEN) {
      return Uni.createFrom().voidItem();
    }
    old.supersede();
    return tasks
        .update(old)
        .chain(
            () -> audit.record(AuditEntry.bySystem(old, AuditEntry.Action.SUPERSEDED, why, now)));
  }

  @Override
  public Uni<Void> paymentConfirmed(PaymentConfirmed e, String correlationId) {
    Instant now = clock.instant();
    return loadOrStart(e.collectionId())
        .chain(
            collection -> {
              collection.paid(e.orderId(), e.paidAt() == null ? now : e.paidAt());
              return completion.advance(collection, now);
            });
  }

  @Override
  public Uni<Void> paymentRefunded(PaymentRefunded e, String correlationId) {
    return loadOrStart(e.collectionId())
        .chain(
            collection -> {
              collection.refunded(e.orderId());
              return collections.save(collection);
            });
  }

  private Uni<CollectionReview> loadOrStart(UUID collectionId) {
    return collections.lockOrCreate(collectionId);
  }
}
