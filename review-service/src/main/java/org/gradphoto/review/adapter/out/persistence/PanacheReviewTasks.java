package org.gradphoto.review.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gradphoto.review.application.port.out.ReviewTasks;
import org.gradphoto.review.domain.Decision;
import org.gradphoto.review.domain.ReviewTask;
import org.gradphoto.review.domain.Submission;
import org.gradphoto.review.domain.TaskStatus;

@ApplicationScoped
class PanacheReviewTasks implements ReviewTasks {
  private static final Sort QUEUE_ORDER = Sort.by("dueAt").and("submittedAt").and("id");

  @Override
  public Uni<Optional<ReviewTask>> find(UUID id) {
    return ReviewTaskEntity.<ReviewTaskEntity>findById(id)
        .map(e -> Optional.ofNullable(e).map(PanacheReviewTasks::toDomain));
  }

  @Override
  public Uni<Optional<ReviewTask>> findForUpdate(UUID id) {
    return ReviewTaskEntity.<ReviewTaskEntity>findById(id, LockModeType.PESSIMISTIC_WRITE)
        .map(e -> Optional.ofNullable(e).map(PanacheReviewTasks::toDomain));
  }

  @Override
  public Uni<Void> add(ReviewTask task) {
    ReviewTaskEntity e = new ReviewTaskEntity();
    copy(task, e);
    return e.persist().chain(() -> Panache.flush());
  }

  @Override
  public Uni<Void> update(ReviewTask task) {
    return ReviewTaskEntity.<ReviewTaskEntity>findById(task.id())
        .chain(
            e -> {
              copy(task, e);
              return Panache.flush();
            });
  }

  @Override
  public Uni<Boolean> withdrawIfUnclaimed(UUID id, Instant now) {
    // One statement: a concurrent claim holds the row lock, and this re-reads the row after it.
    return ReviewTaskEntity.update(
            "status = :withdrawn, claimedBy = null, claimedByName = null, leaseUntil = null"
                + " where id = :id and status = :open and (claimedBy is null or leaseUntil <= :now)",
            Map.of(
                "withdrawn", TaskStatus.WITHDRAWN, "id", id, "open", TaskStatus.OPEN, "now", now))
        .map(rows -> rows == 1);
  }

  @Override
  public Uni<List<ReviewTask>> ofCollection(UUID collectionId) {
    return ReviewTaskEntity.<ReviewTaskEntity>find(
            "collectionId", Sort.by("submittedAt"), collectionId)
        .list()
        .map(l -> l.stream().map(PanacheReviewTasks::toDomain).toList());
  }

  @Override
  public Uni<List<ReviewTask>> queue(Criteria c) {
    Map<String, Object> params = new HashMap<>();
    String where = where(c, params);
    return ReviewTaskEntity.<ReviewTaskEntity>find(where, QUEUE_ORDER, params)
        .range(c.offset(), c.offset() + c.limit() - 1)
        .list()
        .map(l -> l.stream().map(PanacheReviewTasks::toDomain).toList());
  }

  @Override
  public Uni<Long> count(Criteria c) {
    Map<String, Object> params = new HashMap<>();
    return ReviewTaskEntity.count(where(c, params), params);
  }

  private static String where(Criteria c, Map<String, Object> params) {
    StringBuilder q = new StringBuilder("status = :status");
    params.put("status", c.status() == null ? TaskStatus.OPEN : c.status());
    if (c.schools() != null) {
      q.append(" and schoolCode in :schools");
      params.put("schools", c.schools());
    }
    if (c.batchId() != null) {
      q.append(" and batchId = :batchId");
      params.put("batchId", c.batchId());
    }
    if (c.overdue() != null) {
      q.append(c.overdue() ? " and dueAt < :now" : " and dueAt >= :now");
      params.put("now", c.now());
    }
    if (c.flagged() != null) {
      q.append(" and flagged = :flagged");
      params.put("flagged", c.flagged());
    }
    if (c.availableTo() != null) {
      q.append(" and (claimedBy is null or leaseUntil <= :now or claimedBy = :me)");
      params.put("now", c.now());
      params.put("me", c.availableTo());
    }
    return q.toString();
  }

  @Override
  public Uni<List<SchoolQueue>> openBySchool(Instant now) {
    return Panache.getSession()
        .chain(
            s ->
                s.createSelectionQuery(
                        "select t.schoolCode, count(t), sum(case when t.dueAt < :now then 1 else 0"
                            + " end) from ReviewTaskEntity t where t.status = :open group by"
                            + " t.schoolCode",
                        Object[].class)
                    .setParameter("now", now)
                    .setParameter("open", TaskStatus.OPEN)
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(r -> new SchoolQueue((String) r[0], number(r[1]), number(r[2])))
                    .toList());
  }

  @Override
  public Uni<List<BatchQueue>> openByBatch(Set<String> schools, Instant now) {
    String hql =
        "select t.batchId, count(t), sum(case when t.dueAt < :now then 1 else 0 end) from"
            + " ReviewTaskEntity t where t.status = :open and t.batchId is not null"
            + (schools == null ? "" : " and t.schoolCode in :schools")
            + " group by t.batchId";
    return BatchRows.select(hql, schools, Map.of("now", now, "open", TaskStatus.OPEN))
        .map(
            rows ->
                rows.stream()
                    .map(r -> new BatchQueue((UUID) r[0], number(r[1]), number(r[2])))
                    .toList());
  }

  static long number(Object o) {
    return BatchRows.number(o);
  }

  private static void copy(ReviewTask t, ReviewTaskEntity e) {
    Submission s = t.submission();
    e.id = t.id();
    e.collectionId = s.collectionId();
    e.attemptId = s.attemptId();
    e.studentId = s.studentId();
    e.batchId = s.batchId();
    e.schoolCode = s.schoolCode();
    e.specProfile = s.specProfile();
    e.standardizedKey = s.standardizedKey();
    e.originalKey = s.originalKey();
    e.cutoutKey = s.cutoutKey();
    e.backgroundColour = s.backgroundColour();
    e.findings = JsonColumns.write(s.findings());
    e.geometry = JsonColumns.write(s.geometry());
    e.flagged = s.flagged();
    e.submittedAt = s.submittedAt();
    e.dueAt = t.dueAt();
    e.promiseKnown = t.promiseKnown();
    e.correlationId = t.correlationId();
    e.status = t.status();
    e.claimedBy = t.claimedBy();
    e.claimedByName = t.claimedByName();
    e.leaseUntil = t.leaseUntil();
    e.reopenCount = t.reopenCount();
    Decision d = t.decision();
    e.outcome = d == null ? null : d.outcome();
    e.reasons = d == null ? null : JsonColumns.write(d.reasons());
    e.note = d == null ? null : d.note();
    e.decidedBy = d == null ? null : d.reviewerId();
    e.decidedByName = d == null ? null : d.reviewerName();
    e.decidedAt = d == null ? null : d.decidedAt();
  }

  private static ReviewTask toDomain(ReviewTaskEntity e) {
    Submission s =
        new Submission(
            e.collectionId,
            e.attemptId,
            e.studentId,
            e.batchId,
            e.schoolCode,
            e.specProfile,
            e.standardizedKey,
            e.originalKey,
            e.cutoutKey,
            e.backgroundColour,
            JsonColumns.findings(e.findings),
            JsonColumns.geometry(e.geometry),
            e.submittedAt);
    Decision d =
        e.outcome == null
            ? null
            : new Decision(
                e.outcome,
                JsonColumns.reasons(e.reasons),
                e.note,
                e.decidedBy,
                e.decidedByName,
                e.decidedAt);
    return new ReviewTask(
        e.id,
        s,
        e.correlationId,
        e.dueAt,
        e.promiseKnown,
        e.status,
        e.claimedBy,
        e.claimedByName,
        e.leaseUntil,
        d,
        e.reopenCount);
  }
}
