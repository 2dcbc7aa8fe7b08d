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
  private final IdempotentConsumer.Channel identity;
  private final IdempotentConsumer.Channel payment;
  private final IdempotentConsumer.Channel review;
  private final IdempotentConsumer.Channel delivery;

  CollectionEventsConsumer(IdempotentConsumer consumer, ApplyCollectionEventsUseCase events) {
    this.identity =
        consumer.channel(
            "identity-events",
            EventHandlers.create()
                .on(EligibilityGranted.class, e -> events.eligibilityGranted(e.payload()))
                .on(BindingRevoked.class, e -> events.bindingRevoked(e.payload())));
    this.payment =
        consumer.channel(
            "payment-events",
            EventHandlers.create()
                .on(PaymentConfirmed.class, e -> events.paymentConfirmed(e.payload()))
                .on(PaymentRefunded.class, e -> events.paymentRefunded(e.payload())));
    this.review =
        consumer.channel(
            "review-events",
            EventHandlers.create()
                .on(ReviewRejected.class, e -> events.reviewRejected(e.payload()))
                .on(ReviewPassed.class, e -> events.reviewPassed(e.payload()))
                .on(SubmissionWithdrawn.class, e -> events.submissionWithdrawn(e.payload()))
                .on(CollectionCompleted.class, e -> events.collectionCompleted(e.payload())));
    this.delivery =
        consumer.channel(
            "delivery-events",
            EventHandlers.create()
                .on(PhotosDelivered.class, e -> events.photosDelivered(e.payload())));
  }

  @Incoming("identity-events")
  Uni<Void> identity(String message) {
    return identity.consume(message);
  }

  @Incoming("payment-events")
  Uni<Void> payment(String message) {
    return payment.consume(message);
  }

  @Incoming("review-events")
  Uni<Void> review(String message) {
    return review.consume(message);
  }

  @Incoming("delivery-events")
  Uni<Void> delivery(String message) {
    return delivery.consume(message);
  }
}
