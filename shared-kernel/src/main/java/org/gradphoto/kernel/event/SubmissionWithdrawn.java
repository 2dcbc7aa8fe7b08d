package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The student withdrew a submitted attempt before any reviewer claimed it: the review task is
 * closed, capture is open again for that collection (the attempts are kept) and the student may
 * submit the same attempt or a retake.
 */
public record SubmissionWithdrawn(
    UUID collectionId,
    UUID attemptId,
    UUID reviewTaskId,
    UUID studentId,
    UUID batchId,
    String schoolCode,
    Instant withdrawnAt)
    implements EventPayload {}
