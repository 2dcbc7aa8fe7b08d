package org.gradphoto.review.application.port.in;

import java.util.UUID;
import org.gradphoto.review.domain.TaskStatus;

/**
 * Which tasks to list, ordered by due time. Nulls mean "any"; {@code available} keeps only tasks
 * nobody else holds a live claim on.
 */
public record QueueFilter(
    String school,
    UUID batchId,
    Boolean overdue,
    Boolean flagged,
    TaskStatus status,
    boolean available,
    int limit,
    int offset) {
  public static final int MAX_LIMIT = 200;

  public QueueFilter {
    limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
    offset = Math.max(0, offset);
    status = status == null ? TaskStatus.OPEN : status;
  }
}
