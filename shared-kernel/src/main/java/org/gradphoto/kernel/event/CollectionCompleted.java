package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The collection is complete (采集完成): review passed, the roster comparison succeeded and, for
 * pay-after-review batches, the order is paid. Delivery pins this photo as the standard photo.
 */
public record CollectionCompleted(
    UUID collectionId,
    UUID attemptId,
    UUID studentId,
    UUID batchId,
    String schoolCode,
    String specProfile,
    String standardizedKey,
    Instant completedAt)
    implements EventPayload {}
