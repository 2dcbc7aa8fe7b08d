package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator freed a roster entry from the WeChat account that had bound it (the wrong person took
 * it). Every service stops treating {@code studentId} as the collection's owner at once and drops
 * what that account made (photos, review, the pinned photo); the collection itself stays: when the
 * rightful student binds the entry, identity grants the same collection again (EligibilityGranted
 * with this collectionId and the new studentId).
 */
public record BindingRevoked(
    UUID collectionId,
    UUID studentId,
    UUID rosterEntryId,
    UUID batchId,
    String schoolCode,
    Instant revokedAt)
    implements EventPayload {}
