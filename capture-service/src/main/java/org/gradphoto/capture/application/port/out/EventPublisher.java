package org.gradphoto.capture.application.port.out;

import io.smallrye.mutiny.Uni;
import org.gradphoto.kernel.event.EventPayload;

/** Publishes an event with the state change of the current unit of work (outbox). */
public interface EventPublisher {
  Uni<Void> publish(EventPayload payload, String aggregateId);
}
