package org.gradphoto.capture.adapter.in.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gradphoto.capture.application.port.in.ApplyCollectionEventsUseCase;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.kernel.event.PhotosDelivered;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.event.SubmissionWithdrawn;
import org.gradphoto.kernel.messaging.EventHandlers;
import org.gradphoto.kernel.messaging.IdempotentConsumer;

/** The four topics capture reads; each event goes to the use case once. */
@ApplicationScoped
class CollectionEventsConsumer {
  private final IdempotentConsumer consumer;
  private final ApplyCollectionEventsUseCase events;

  CollectionEventsConsumer(IdempotentConsumer consumer, ApplyCollectionEventsUseCase events) {
    this.consumer = consumer;
    this.events = events;
  }

  @Incoming("identity-events")
  Uni<Void> identity(String message) {
    return consumer.consume(
        "identity-events",
        message,
        EventHandlers.create()
            .on(EligibilityGranted.class, e -> events.eligibilityGranted(e.payload()))
            .on(BindingRevoked.class, e -> events.bindingRevoked(e.payload())));
  }

  @Incoming("payment-events")
  Uni<Void> payment(String message) {
    return consumer.consume(
        "payment-events",
        message,
        EventHandlers.create()
            .on(PaymentConfirmed.class, e -> events.paymentConfirmed(e.payload()))
            .on(PaymentRefunded.class, e -> events.paymentRefunded(e.payload())));
  }

  @Incoming("review-events")
  Uni<Void> review(String message) {
    return consumer.consume(
        "review-events",
        message,
        EventHandlers.create()
            .on(ReviewRejected.class, e -> events.reviewRejected(e.payload()))
            .on(ReviewPassed.class, e -> events.reviewPassed(e.payload()))
            .on(SubmissionWithdrawn.class, e -> events.submissionWithdrawn(e.payload()))
            .on(CollectionCompleted.class, e -> events.collectionCompleted(e.payload())));
  }

  @Incoming("delivery-events")
  Uni<Void> delivery(String message) {
    return consumer.consume(
        "delivery-events",
        message,
        EventHandlers.create().on(PhotosDelivered.class, e -> events.photosDelivered(e.payload())));
  }
}
