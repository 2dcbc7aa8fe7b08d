package org.gradphoto.review.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gradphoto.review.domain.ReviewTask;
import org.gradphoto.review.domain.TaskStatus;

/** Where review tasks are kept. Calls run in the caller's session and transaction. */
public interface ReviewTasks {
  Uni<Optional<ReviewTask>> find(UUID id);

  /** Loads a task and locks it until the transaction ends (claims and decisions). */
  Uni<Optional<ReviewTask>> findForUpdate(UUID id);

  Uni<Void> add(ReviewTask task);

  Uni<Void> update(ReviewTask task);

  /**
   * Withdraws an open task in one conditional update, only if no reviewer holds a live claim at
   * {@code now}; false when a claim (or a decision) got there first.
   */
  Uni<Boolean> withdrawIfUnclaimed(UUID id, Instant now);

  Uni<List<ReviewTask>> ofCollection(UUID collectionId);

  Uni<List<ReviewTask>> queue(Criteria criteria);

  Uni<Long> count(Criteria criteria);

  /** Open and overdue tasks per school. */
  Uni<List<SchoolQueue>> openBySchool(Instant now);

  /** Open and overdue tasks per batch, for the given schools (null: all). */
  Uni<List<BatchQueue>> openByBatch(Set<String> schools, Instant now);

  /**
   * A query on the queue, by due time. {@code schools} null means every school; {@code availableTo}
   * (a reviewer id) keeps tasks unclaimed, with an expired lease, or held by them.
   */
  record Criteria(
      Set<String> schools,
      UUID batchId,
      Boolean overdue,
      Boolean flagged,
      TaskStatus status,
      String availableTo,
      Instant now,
      int limit,
      int offset) {}

  record SchoolQueue(String schoolCode, long open, long overdue) {}

  record BatchQueue(UUID batchId, long open, long overdue) {}
}
