package org.gradphoto.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of the audit trail: who did what to which task, when and why. The system is the actor
 * for what events cause (opening a task, completing a collection).
 */
public record AuditEntry(
    UUID id,
    UUID taskId,
    UUID collectionId,
    String schoolCode,
    Action action,
    String actorId,
    String actorName,
    List<GivenReason> reasons,
    String note,
    Instant at) {
  public static final String SYSTEM = "system";

  public AuditEntry {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** What the system did by itself (events, comparison, completion). */
  public static AuditEntry bySystem(ReviewTask task, Action action, String note, Instant at) {
    return of(task, action, SYSTEM, SYSTEM, List.of(), note, at);
  }

  public static AuditEntry of(
      ReviewTask task,
      Action action,
      String actorId,
      String actorName,
      List<GivenReason> reasons,
      String note,
      Instant at) {
    return new AuditEntry(
        UUID.randomUUID(),
        task == null ? null : task.id(),
        task == null ? null : task.collectionId(),
        task == null ? null : task.schoolCode(),
        action,
        actorId,
        actorName,
        reasons,
        note,
        at);
  }

  /** What happened. */
  public enum Action {
    OPENED,
    CLAIMED,
    RELEASED,
    PASSED,
    REJECTED,
    REOPENED,
    SUPERSEDED,
    COMPARED,
    COMPLETED,
    WITHDRAWN
  }
}
