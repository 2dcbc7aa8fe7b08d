package org.gradphoto.payment.adapter.in.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.messaging.EventHandlers;
import org.gradphoto.kernel.messaging.IdempotentConsumer;
import org.gradphoto.payment.application.port.in.TrackCollectionsUseCase;
import org.gradphoto.payment.application.port.in.TrackCollectionsUseCase.NewCollection;
import org.gradphoto.payment.domain.PaymentPolicy;

/** Learns each collection's price, policy and owner, and when its review passed. */
@ApplicationScoped
class CollectionEventsConsumer {
  static final String IDENTITY = "identity-events";
  static final String REVIEW = "review-events";

  private final IdempotentConsumer.Channel identity;
  private final IdempotentConsumer.Channel review;

  CollectionEventsConsumer(IdempotentConsumer consumer, TrackCollectionsUseCase collections) {
    this.identity =
        consumer.channel(
            IDENTITY,
            EventHandlers.create()
                .on(EligibilityGranted.class, e -> collections.collectionOpened(toCommand(e)))
                .on(
                    BindingRevoked.class,
                    e ->
                        collections.bindingRevoked(
                            e.payload().collectionId(),
                            e.payload().revokedAt() != null
                                ? e.payload().revokedAt()
                                : e.occurredAt())));
    this.review =
        consumer.channel(
            REVIEW,
            EventHandlers.create()
                .on(
                    ReviewPassed.class,
                    e ->
                        collections.reviewPassed(
                            e.payload().collectionId(),
                            e.payload().decidedAt() != null
                                ? e.payload().decidedAt()
                                : e.occurredAt())));
  }

  @Incoming(IDENTITY)
  Uni<Void> onIdentityEvent(String message) {
    return identity.consume(message);
  }

  @Incoming(REVIEW)
  Uni<Void> onReviewEvent(String message) {
    return review.consume(message);
  }

  private static NewCollection toCommand(EventEnvelope<EligibilityGranted> e) {
    EligibilityGranted g = e.payload();
    return new NewCollection(
        g.collectionId(),
        g.studentId(),
        g.batchId(),
        g.batchName(),
        g.schoolCode(),
        g.priceFen(),
        PaymentPolicy.parse(g.paymentPolicy()),
        e.occurredAt(),
        e.correlationId());
  }
}
