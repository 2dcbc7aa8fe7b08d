package org.gradphoto.review.adapter.in.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.kernel.event.PhotoSubmitted;
import org.gradphoto.kernel.event.RosterEntriesChanged;
import org.gradphoto.kernel.messaging.EventHandlers;
import org.gradphoto.kernel.messaging.IdempotentConsumer;
import org.gradphoto.review.application.port.in.FollowCollectionsUseCase;
import org.gradphoto.review.application.port.in.RecordRosterUseCase;

/** Reads the identity, capture and payment topics; each event is applied once. */
@ApplicationScoped
class UpstreamEventsConsumer {
  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  UpstreamEventsConsumer(
      IdempotentConsumer consumer,
      FollowCollectionsUseCase collections,
      RecordRosterUseCase roster) {
    this.consumer = consumer;
    this.handlers =
        EventHandlers.create()
            .on(
                EligibilityGranted.class,
                e -> collections.eligibilityGranted(e.payload(), e.correlationId()))
            .on(
                BindingRevoked.class,
                e -> collections.bindingRevoked(e.payload(), e.correlationId()))
            .on(
                PhotoSubmitted.class,
                e -> collections.photoSubmitted(e.payload(), e.correlationId()))
            .on(
                PaymentConfirmed.class,
                e -> collections.paymentConfirmed(e.payload(), e.correlationId()))
            .on(
                PaymentRefunded.class,
                e -> collections.paymentRefunded(e.payload(), e.correlationId()))
            .on(RosterEntriesChanged.class, e -> roster.rosterChanged(e.payload()));
  }

  @Incoming("identity-events")
  Uni<Void> identity(String message) {
    return consumer.consume("identity-events", message, handlers);
  }

  @Incoming("capture-events")
  Uni<Void> capture(String message) {
    return consumer.consume("capture-events", message, handlers);
  }

  @Incoming("payment-events")
  Uni<Void> payment(String message) {
    return consumer.consume("payment-events", message, handlers);
  }
}
