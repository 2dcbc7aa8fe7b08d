package org.gradphoto.capture.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.capture.application.port.out.EventPublisher;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventPayload;
import org.gradphoto.kernel.messaging.Outbox;

/** Publishes through the kernel's transactional outbox. */
@ApplicationScoped
class OutboxEventPublisher implements EventPublisher {
  private final Outbox outbox;

  OutboxEventPublisher(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Uni<Void> publish(EventPayload payload, String aggregateId) {
    return outbox.append(
        EventEnvelope.of(payload, aggregateId, UUID.randomUUID().toString(), Instant.now()));
  }
}
