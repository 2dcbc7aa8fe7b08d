package org.gradphoto.review.application.port.in;

import java.util.UUID;

/**
 * How far one batch is: collections per state, open and overdue tasks, and {@code notStarted}, the
 * roster lines (RosterEntriesChanged) of the batch that no collection has: students who never
 * started. identity-service's progress view has the per-student list.
 */
public record BatchProgress(
    UUID batchId,
    String batchName,
    String schoolCode,
    long awaitingPhoto,
    long inReview,
    long rejected,
    long passed,
    long awaitingPayment,
    long completed,
    long openTasks,
    long overdueTasks,
    long notStarted) {}
