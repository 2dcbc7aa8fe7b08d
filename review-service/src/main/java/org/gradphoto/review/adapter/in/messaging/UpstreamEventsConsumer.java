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
  private final IdempotentConsumer.Channel identity;
  private final IdempotentConsumer.Channel capture;
  private final IdempotentConsumer.Channel payment;

  UpstreamEventsConsumer(
      IdempotentConsumer consumer,
      FollowCollectionsUseCase collections,
      RecordRosterUseCase roster) {
    EventHandlers handlers =
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
    this.identity = consumer.channel("identity-events", handlers);
    this.capture = consumer.channel("capture-events", handlers);
    this.payment = consumer.channel("payment-events", handlers);
  }

  @Incoming("identity-events")
  Uni<Void> identity(String message) {
    return identity.consume(message);
  }

  @Incoming("capture-events")
  Uni<Void> capture(String message) {
    return capture.consume(message);
  }

  @Incoming("payment-events")
  Uni<Void> payment(String message) {
    return payment.consume(message);
  }
}
