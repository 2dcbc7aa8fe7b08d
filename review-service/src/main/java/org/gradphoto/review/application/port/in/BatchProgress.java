package org.gradphoto.review.application.port.in;

import java.util.UUID;

/** How far one batch is: collections per state, and open and overdue review tasks. */
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
