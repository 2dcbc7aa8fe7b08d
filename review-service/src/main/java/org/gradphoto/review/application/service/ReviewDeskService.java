package org.gradphoto.review.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.review.application.port.in.ClaimTaskUseCase;
import org.gradphoto.review.application.port.in.DecideTaskUseCase;
import org.gradphoto.review.application.port.in.QueueFilter;
import org.gradphoto.review.application.port.in.ReopenDecisionUseCase;
import org.gradphoto.review.application.port.in.Staff;
import org.gradphoto.review.application.port.in.TaskDetails;
import org.gradphoto.review.application.port.out.AuditTrail;
import org.gradphoto.review.application.port.out.CollectionReviews;
import org.gradphoto.review.application.port.out.EventPublisher;
import org.gradphoto.review.application.port.out.ReviewMetrics;
import org.gradphoto.review.application.port.out.ReviewTasks;
import org.gradphoto.review.application.port.out.SpecProfiles;
import org.gradphoto.review.domain.AuditEntry;
import org.gradphoto.review.domain.ClaimLease;
import org.gradphoto.review.domain.CollectionReview;
import org.gradphoto.review.domain.Decision;
import org.gradphoto.review.domain.GivenReason;
import org.gradphoto.review.domain.Outcome;
import org.gradphoto.review.domain.ReviewRefusal;
import org.gradphoto.review.domain.ReviewTask;
import org.gradphoto.review.domain.TaskStatus;

/**
 * Claims, decisions and reopening. Every method runs in the caller's transaction; locks are taken
 * collection first, then task, in the same order as the event handlers, so they never deadlock.
 */
@ApplicationScoped
class ReviewDeskService implements ClaimTaskUseCase, DecideTaskUseCase, ReopenDecisionUseCase {
  private static final int NEXT_CANDIDATES = 10;
  private static final int MAX_REOPEN_REASON = 500;

  private final ReviewTasks tasks;
  private final CollectionReviews collections;
  private final AuditTrail audit;
  private final EventPublisher events;
  private final CollectionCompletion completion;
  private final SpecProfiles profiles;
  private final ReviewMetrics metrics;
  private final ClaimLease lease;
  private final Clock clock;

  ReviewDeskService(
      ReviewTasks tasks,
      CollectionReviews collections,
      AuditTrail audit,
      EventPublisher events,
      CollectionCompletion completion,
      SpecProfiles profiles,
      ReviewMetrics metrics,
      ClaimLease lease,
      Clock clock) {
    this.tasks = tasks;
    this.collections = collections;
    this.audit = audit;
    this.events = events;
    this.completion = completion;
    this.profiles = profiles;
    this.metrics = metrics;
    this.lease = lease;
    this.clock = clock;
  }

  @Override
  public Uni<TaskDetails> claim(Staff staff, UUID taskId) {
    Instant now = clock.instant();
    return locked(taskId)
        .chain(
            task -> {
              StaffScope.requireReview(staff.actor(), task.schoolCode());
              return claimLocked(staff, task, now).chain(() -> details(task));
            });
  }

  private Uni<Void> claimLocked(Staff staff, ReviewTask task, Instant now) {
    boolean renewal = task.heldBy(staff.id(), now);
    task.claim(staff.id(), staff.name(), now, lease.duration());
    Uni<Void> saved = tasks.update(task);
    return renewal
        ? saved
        : saved.chain(() -> audited(task, AuditEntry.Action.CLAIMED, staff, List.of(), null, now));
  }

  @Override
  public Uni<Optional<TaskDetails>> claimNext(Staff staff, QueueFilter filter) {
    Instant now = clock.instant();
    StaffScope.requireReviewerRole(staff.actor());
    ReviewTasks.Criteria criteria =
        new ReviewTasks.Criteria(
            StaffScope.schools(staff.actor(), filter.school()),
            filter.batchId(),
            filter.overdue(),
            filter.flagged(),
            TaskStatus.OPEN,
            staff.id(),
            now,
            NEXT_CANDIDATES,
            0);
    return tasks.queue(criteria).chain(candidates -> tryClaim(staff, candidates, 0, now));
  }

  /** Another reviewer may win a candidate meanwhile: then the next one is tried. */
  private Uni<Optional<TaskDetails>> tryClaim(
      Staff staff, List<ReviewTask> candidates, int i, Instant now) {
    if (i >= candidates.size()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return tasks
        .findForUpdate(candidates.get(i).id())
        .chain(
            found -> {
              ReviewTask task = found.orElse(null);
              boolean free =
                  task != null
                      && task.status() == TaskStatus.OPEN
                      && (!task.claimLive(now) || task.heldBy(staff.id(), now));
              if (!free) {
                return tryClaim(staff, candidates, i + 1, now);
              }
              return claimLocked(staff, task, now).chain(() -> details(task)).map(Optional::of);
            });
  }

  @Override
  public Uni<Void> release(Staff staff, UUID taskId) {
    Instant now = clock.instant();
    return locked(taskId)
        .chain(
            task -> {
              StaffScope.requireReview(staff.actor(), task.schoolCode());
              task.release(staff.id(), now);
              return tasks
                  .update(task)
                  .chain(
                      () -> audited(task, AuditEntry.Action.RELEASED, staff, List.of(), null, now));
            });
  }

  @Override
  public Uni<TaskDetails> decide(Staff staff, UUID taskId, DecideCommand command) {
    Instant now = clock.instant();
    if (command == null || command.outcome() == null) {
      throw new ReviewRefusal(ReviewRefusal.Reason.NO_OUTCOME);
    }
    List<GivenReason> reasons = ReviewTask.reasons(command.reasons());
    String note = trimmed(command.note(), 500);
    return lockedWithCollection(taskId)
        .chain(
            pair -> {
              ReviewTask task = pair.task();
              CollectionReview collection = pair.collection();
              StaffScope.requireReview(staff.actor(), task.schoolCode());
              Decision decision =
                  task.decide(staff.id(), staff.name(), command.outcome(), reasons, note, now);
              metrics.decided(staff.id(), decision.outcome());
              return tasks
                  .update(task)
                  .chain(
                      () ->
                          audited(
                              task,
                              decision.outcome() == Outcome.PASS
                                  ? AuditEntry.Action.PASSED
                                  : AuditEntry.Action.REJECTED,
                              staff,
                              decision.reasons(),
                              note,
                              now))
                  .chain(() -> decided(task, collection, decision, now))
                  .chain(() -> details(task, collection));
            });
  }

  private Uni<Void> decided(
      ReviewTask task, CollectionReview collection, Decision decision, Instant now) {
    var s = task.submission();
    if (decision.outcome() == Outcome.REJECT) {
      collection.rejected();
      ReviewRejected rejected =
          new ReviewRejected(
              s.collectionId(),
              s.attemptId(),
              task.id(),
              s.batchId(),
              s.schoolCode(),
              decision.reviewerId(),
              decision.reasons().stream()
                  .map(r -> new ReviewRejected.Reason(r.code(), r.message()))
                  .toList(),
              now);
      return events
          .publish(rejected, s.collectionId(), task.correlationId(), now)
          .chain(() -> collections.save(collection));
    }
    collection.passed(task.id());
    ReviewPassed passed =
        new ReviewPassed(
            s.collectionId(),
            s.attemptId(),
            task.id(),
            s.batchId(),
            s.schoolCode(),
            decision.reviewerId(),
            s.standardizedKey(),
            now);
    return events
        .publish(passed, s.collectionId(), task.correlationId(), now)
        .chain(() -> completion.advance(collection, now));
  }

  @Override
  public Uni<TaskDetails> reopen(Staff staff, UUID taskId, String reason) {
    Instant now = clock.instant();
    StaffScope.requireOperator(staff.actor());
    String why = trimmed(reason, MAX_REOPEN_REASON);
    if (why == null) {
      throw new ReviewRefusal(ReviewRefusal.Reason.REOPEN_WITHOUT_REASON);
    }
    return lockedWithCollection(taskId)
        .chain(
            pair -> {
              ReviewTask task = pair.task();
              CollectionReview collection = pair.collection();
              if (!task.id().equals(collection.currentTaskId())) {
                throw new ReviewRefusal(ReviewRefusal.Reason.NEWER_PHOTO);
              }
              Decision previous = task.decision();
              collection.reopened();
              task.reopen();
              return tasks
                  .update(task)
                  .chain(() -> collections.save(collection))
                  .chain(
                      () ->
                          audited(
                              task,
                              AuditEntry.Action.REOPENED,
                              staff,
                              previous == null ? List.of() : previous.reasons(),
                              why,
                              now))
                  .chain(() -> details(task, collection));
            });
  }

  private Uni<Void> audited(
      ReviewTask task,
      AuditEntry.Action action,
      Staff staff,
      List<GivenReason> reasons,
      String note,
      Instant now) {
    return audit.record(AuditEntry.of(task, action, staff.id(), staff.name(), reasons, note, now));
  }

  private Uni<ReviewTask> locked(UUID taskId) {
    return tasks.findForUpdate(taskId).map(found -> found.orElseThrow(ReviewDeskService::noTask));
  }

  private record Locked(ReviewTask task, CollectionReview collection) {}

  private Uni<Locked> lockedWithCollection(UUID taskId) {
    return tasks
        .find(taskId)
        .map(found -> found.orElseThrow(ReviewDeskService::noTask))
        .chain(
            unlocked ->
                collections
                    .lockOrCreate(unlocked.collectionId())
                    .chain(c -> locked(taskId).map(task -> new Locked(task, c))));
  }

  private Uni<TaskDetails> details(ReviewTask task) {
    return collections
        .find(task.collectionId())
        .map(c -> c.orElseGet(() -> CollectionReview.unknown(task.collectionId())))
        .map(c -> new TaskDetails(task, c, profiles.windows(task.submission().specProfile())));
  }

  private Uni<TaskDetails> details(ReviewTask task, CollectionReview collection) {
    return Uni.createFrom()
        .item(new TaskDetails(task, collection, profiles.windows(task.submission().specProfile())));
  }

  static ReviewRefusal noTask() {
    return new ReviewRefusal(ReviewRefusal.Reason.TASK_NOT_FOUND);
  }

  private static String trimmed(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    if (t.length() > max) {
      throw new ReviewRefusal(ReviewRefusal.Reason.NOTE_TOO_LONG, Map.of("maxLength", max));
    }
    return t;
  }
}
