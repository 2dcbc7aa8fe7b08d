package org.gradphoto.review.adapter.out.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventPayload;
import org.gradphoto.kernel.messaging.Outbox;
import org.gradphoto.review.application.port.out.EventPublisher;

/** Review events go through the kernel's transactional outbox, keyed by the collection id. */
@ApplicationScoped
class OutboxEventPublisher implements EventPublisher {
  private final Outbox outbox;

  OutboxEventPublisher(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Uni<Void> publish(
      EventPayload payload, UUID collectionId, String correlationId, Instant at) {
    return outbox.append(
        EventEnvelope.of(
            payload,
            collectionId.toString(),
            correlationId == null ? collectionId.toString() : correlationId,
            at));
  }
}
