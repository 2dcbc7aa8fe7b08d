package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import org.gradphoto.kernel.event.PhotosDelivered;

/** Publishes delivery's events; must be called inside a unit of work (transactional outbox). */
public interface EventPublisher {
  Uni<Void> photosDelivered(PhotosDelivered event);
}
