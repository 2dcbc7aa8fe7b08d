package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A school's package was produced; its photos are locked from then on (上网中 / delivered). */
public record PhotosDelivered(
    UUID packageId,
    String schoolCode,
    UUID batchId,
    List<UUID> collectionIds,
    String packageKey,
    Instant deliveredAt)
    implements EventPayload {}
