package org.gradphoto.review.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gradphoto.review.application.port.in.BatchProgress;
import org.gradphoto.review.application.port.in.BrowseReviewsUseCase;
import org.gradphoto.review.application.port.in.QueueFilter;
import org.gradphoto.review.application.port.in.QueuePage;
import org.gradphoto.review.application.port.in.RefreshQueueMetricsUseCase;
import org.gradphoto.review.application.port.in.Staff;
import org.gradphoto.review.application.port.in.TaskDetails;
import org.gradphoto.review.application.port.out.AuditTrail;
import org.gradphoto.review.application.port.out.CollectionReviews;
import org.gradphoto.review.application.port.out.ReviewMetrics;
import org.gradphoto.review.application.port.out.ReviewTasks;
import org.gradphoto.review.application.port.out.RosterEntries;
import org.gradphoto.review.application.port.out.SpecProfiles;
import org.gradphoto.review.domain.AuditEntry;
import org.gradphoto.review.domain.CollectionReview;
import org.gradphoto.review.domain.RejectionReason;
import org.gradphoto.review.domain.ReviewRefusal;
import org.gradphoto.review.domain.ReviewTask;
import org.gradphoto.review.domain.SpecWindows;

@ApplicationScoped
class ReviewQueryService implements BrowseReviewsUseCase, RefreshQueueMetricsUseCase {
  private final ReviewTasks tasks;
  private final CollectionReviews collections;
  private final AuditTrail audit;
  private final SpecProfiles profiles;
  private final ReviewMetrics metrics;
  private final RosterEntries roster;
  private final Clock clock;

  ReviewQueryService(
      ReviewTasks tasks,
      CollectionReviews collections,
      AuditTrail audit,
      SpecProfiles profiles,
      ReviewMetrics metrics,
      RosterEntries roster,
      Clock clock) {
    this.tasks = tasks;
    this.collections = collections;
    this.audit = audit;
    this.profiles = profiles;
    this.metrics = metrics;
    this.roster = roster;
    this.clock = clock;
  }

  @Override
  public Uni<QueuePage> queue(Staff staff, QueueFilter filter) {
    Set<String> schools = StaffScope.schools(staff.actor(), filter.school());
    if (schools != null && schools.isEmpty()) {
      return Uni.createFrom().item(new QueuePage(List.of(), 0));
    }
    ReviewTasks.Criteria criteria =
        new ReviewTasks.Criteria(
            schools,
            filter.batchId(),
            filter.overdue(),
            filter.flagged(),
            filter.status(),
            filter.available() ? staff.id() : null,
            clock.instant(),
            filter.limit(),
            filter.offset());
    return tasks
        .queue(criteria)
        .chain(list -> tasks.count(criteria).map(total -> new QueuePage(list, total)));
  }

  @Override
  public Uni<TaskDetails> task(Staff staff, UUID taskId) {
    return readable(staff, taskId)
        .chain(
            task ->
                collections
                    .find(task.collectionId())
                    .map(c -> c.orElseGet(() -> CollectionReview.unknown(task.collectionId())))
                    .map(
                        c ->
                            new TaskDetails(
                                task, c, profiles.windows(task.submission().specProfile()))));
  }

  @Override
  public Uni<List<AuditEntry>> audit(Staff staff, UUID taskId) {
    return readable(staff, taskId).chain(task -> audit.ofTask(taskId));
  }

  private Uni<ReviewTask> readable(Staff staff, UUID taskId) {
    return tasks
        .find(taskId)
        .map(found -> found.orElseThrow(ReviewDeskService::noTask))
        .invoke(task -> StaffScope.requireRead(staff.actor(), task.schoolCode()));
  }

  @Override
  public Uni<List<AuditEntry>> collectionAudit(Staff staff, UUID collectionId) {
    return collections
        .find(collectionId)
        .map(
            found ->
                found.orElseThrow(
                    () -> new ReviewRefusal(ReviewRefusal.Reason.COLLECTION_NOT_FOUND)))
        .chain(
            c -> {
              StaffScope.requireRead(staff.actor(), c.schoolCode());
              return audit.ofCollection(collectionId);
            });
  }

  @Override
  public Uni<List<BatchProgress>> progress(Staff staff, String school) {
    Set<String> schools = StaffScope.schools(staff.actor(), school);
    if (schools != null && schools.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Instant now = clock.instant();
    return collections
        .countByBatch(schools)
        .chain(
            counts ->
                tasks
                    .openByBatch(schools, now)
                    .chain(
                        queues ->
                            roster
                                .notStartedByBatch(schools)
                                .map(notStarted -> merge(counts, queues, notStarted))));
  }

  private static List<BatchProgress> merge(
      List<CollectionReviews.BatchCount> counts,
      List<ReviewTasks.BatchQueue> queues,
      List<RosterEntries.NotStarted> notStarted) {
    Map<UUID, long[]> byBatch = new LinkedHashMap<>();
    Map<UUID, String[]> names = new LinkedHashMap<>();
    for (CollectionReviews.BatchCount c : counts) {
      long[] n = byBatch.computeIfAbsent(c.batchId(), k -> new long[9]);
      n[c.state().ordinal()] += c.count();
      if (c.awaitingPayment()) {
        n[5] += c.count();
      }
      String[] name = names.computeIfAbsent(c.batchId(), k -> new String[2]);
      if (c.batchName() != null) {
        name[0] = c.batchName();
      }
      if (c.schoolCode() != null) {
        name[1] = c.schoolCode();
      }
    }
    for (ReviewTasks.BatchQueue q : queues) {
      long[] n = byBatch.computeIfAbsent(q.batchId(), k -> new long[9]);
      n[6] = q.open();
      n[7] = q.overdue();
      names.computeIfAbsent(q.batchId(), k -> new String[2]);
    }
    for (RosterEntries.NotStarted r : notStarted) {
      long[] n = byBatch.computeIfAbsent(r.batchId(), k -> new long[9]);
      n[8] = r.count();
      String[] name = names.computeIfAbsent(r.batchId(), k -> new String[2]);
      if (name[1] == null) {
        name[1] = r.schoolCode();
      }
    }
    List<BatchProgress> out = new ArrayList<>();
    byBatch.forEach(
        (batchId, n) -> {
          String[] name = names.get(batchId);
          // ordinals: AWAITING_PHOTO, IN_REVIEW, REJECTED, PASSED, COMPLETED
          out.add(
              new BatchProgress(
                  batchId, name[0], name[1], n[0], n[1], n[2], n[3], n[5], n[4], n[6], n[7], n[8]));
        });
    out.sort(
        Comparator.comparing(BatchProgress::schoolCode, Comparator.nullsLast(String::compareTo))
            .thenComparing(BatchProgress::batchName, Comparator.nullsLast(String::compareTo)));
    return out;
  }

  @Override
  public List<RejectionReason> reasons() {
    return Arrays.asList(RejectionReason.values());
  }

  @Override
  public List<SpecWindows> profiles() {
    return profiles.all();
  }

  @Override
  public Uni<Void> refreshQueueMetrics() {
    return tasks.openBySchool(clock.instant()).invoke(metrics::queue).replaceWithVoid();
  }
}
