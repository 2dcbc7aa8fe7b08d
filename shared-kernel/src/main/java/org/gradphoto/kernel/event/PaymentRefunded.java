package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.UUID;

/** An operator refunded the order of a collection. */
public record PaymentRefunded(
    UUID orderId, UUID collectionId, long amountFen, String reason, Instant refundedAt)
    implements EventPayload {}
