package org.gradphoto.review.application.port.in;

import java.util.UUID;

/**
 * How far one batch is among the collections that started (review learns of a collection from
 * EligibilityGranted and never sees the roster): collections per state, open and overdue tasks. The
 * roster-based view, never-started students included, is identity-service's.
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
    long overdueTasks) {}
