package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.UUID;

/** A reviewer passed the submitted attempt (照片初审通过，正在进行信息比对). */
public record ReviewPassed(
    UUID collectionId,
    UUID attemptId,
    UUID reviewTaskId,
    UUID batchId,
    String schoolCode,
    String reviewerId,
    String standardizedKey,
    Instant decidedAt)
    implements EventPayload {}
