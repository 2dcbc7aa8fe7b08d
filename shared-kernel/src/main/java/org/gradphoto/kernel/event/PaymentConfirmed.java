package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.UUID;

/** The order of a collection is paid (exactly once per order, however often WeChat notifies). */
public record PaymentConfirmed(
    UUID orderId, UUID collectionId, long amountFen, String transactionId, Instant paidAt)
    implements EventPayload {}
