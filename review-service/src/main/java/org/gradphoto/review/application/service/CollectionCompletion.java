package org.gradphoto.review.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.review.application.port.out.AuditTrail;
import org.gradphoto.review.application.port.out.CollectionReviews;
import org.gradphoto.review.application.port.out.EventPublisher;
import org.gradphoto.review.application.port.out.ReviewTasks;
import org.gradphoto.review.application.port.out.RosterComparison;
import org.gradphoto.review.domain.AuditEntry;
import org.gradphoto.review.domain.CollectionReview;
import org.gradphoto.review.domain.ReviewTask;

/**
 * Moves a passed collection on by itself: runs the roster comparison once the roster is known, then
 * completes it when everything is there (payment too, for pay-after-review batches). Called after
 * every change that could be the last missing piece, whatever order the events came in.
 */
@ApplicationScoped
class CollectionCompletion {
  private final ReviewTasks tasks;
  private final CollectionReviews collections;
  private final RosterComparison comparison;
  private final EventPublisher events;
  private final AuditTrail audit;

  CollectionCompletion(
      ReviewTasks tasks,
      CollectionReviews collections,
      RosterComparison comparison,
      EventPublisher events,
      AuditTrail audit) {
    this.tasks = tasks;
    this.collections = collections;
    this.comparison = comparison;
    this.events = events;
    this.audit = audit;
  }

  /** Advances the collection as far as it can go now and saves it. */
  Uni<Void> advance(CollectionReview collection, Instant now) {
    if (collection.passedTaskId() == null
        || !(collection.needsComparison() || collection.readyToComplete())) {
      return collections.save(collection);
    }
    return tasks
        .find(collection.passedTaskId())
        .map(found -> found.orElseThrow(() -> new IllegalStateException("passed task is missing")))
        .chain(
            task ->
                compareIfNeeded(collection, task, now)
                    .chain(() -> completeIfReady(collection, task, now)))
        .chain(() -> collections.save(collection));
  }

  private Uni<Void> compareIfNeeded(CollectionReview collection, ReviewTask task, Instant now) {
    if (!collection.needsComparison()) {
      return Uni.createFrom().voidItem();
    }
    return comparison
        .compare(collection.roster(), task.submission())
        .chain(
            result -> {
              collection.compared(result);
              return audit.record(
                  AuditEntry.bySystem(
                      task,
                      AuditEntry.Action.COMPARED,
                      result.matched() ? "信息比对一致" : "信息比对不一致: " + result.note(),
                      now));
            });
  }

  private Uni<Void> completeIfReady(CollectionReview collection, ReviewTask task, Instant now) {
    if (!collection.readyToComplete()) {
      return Uni.createFrom().voidItem();
    }
    collection.complete(now);
    var s = task.submission();
    CollectionCompleted completed =
        new CollectionCompleted(
            collection.collectionId(),
            s.attemptId(),
            s.studentId(),
            s.batchId(),
            s.schoolCode(),
            s.specProfile(),
            s.standardizedKey(),
            now);
    return events
        .publish(completed, collection.collectionId(), task.correlationId(), now)
        .chain(
            () -> audit.record(AuditEntry.bySystem(task, AuditEntry.Action.COMPLETED, null, now)));
  }
}
