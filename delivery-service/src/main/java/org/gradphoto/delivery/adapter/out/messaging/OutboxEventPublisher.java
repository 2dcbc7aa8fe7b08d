package org.gradphoto.delivery.adapter.out.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gradphoto.delivery.application.port.out.EventPublisher;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.PhotosDelivered;
import org.gradphoto.kernel.messaging.Outbox;

/** PhotosDelivered goes through the kernel outbox, keyed by the package id. */
@ApplicationScoped
class OutboxEventPublisher implements EventPublisher {
  private final Outbox outbox;

  OutboxEventPublisher(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Uni<Void> photosDelivered(PhotosDelivered event) {
    String id = event.packageId().toString();
    return outbox.append(EventEnvelope.of(event, id, id, event.deliveredAt()));
  }
}
