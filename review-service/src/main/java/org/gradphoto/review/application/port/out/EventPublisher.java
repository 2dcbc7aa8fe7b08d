package org.gradphoto.review.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.kernel.event.EventPayload;

/** Publishes review events with the current transaction (never outside one). */
public interface EventPublisher {
  Uni<Void> publish(EventPayload payload, UUID collectionId, String correlationId, Instant at);
}
