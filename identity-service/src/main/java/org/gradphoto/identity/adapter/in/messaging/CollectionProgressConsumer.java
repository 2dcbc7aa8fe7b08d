package org.gradphoto.identity.adapter.in.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gradphoto.identity.application.port.in.CollectionProgressUseCase;
import org.gradphoto.identity.application.port.in.CollectionsQuery.Reason;
import org.gradphoto.identity.domain.CollectionStatus;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.kernel.event.PhotoSubmitted;
import org.gradphoto.kernel.event.PhotosDelivered;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.event.SubmissionWithdrawn;
import org.gradphoto.kernel.messaging.EventHandlers;
import org.gradphoto.kernel.messaging.IdempotentConsumer;

/** Keeps the student's collection status current from the other services' events. */
@ApplicationScoped
class CollectionProgressConsumer {
  private final IdempotentConsumer.Channel payment;
  private final IdempotentConsumer.Channel capture;
  private final IdempotentConsumer.Channel review;
  private final IdempotentConsumer.Channel delivery;

  CollectionProgressConsumer(IdempotentConsumer consumer, CollectionProgressUseCase progress) {
    this.payment =
        consumer.channel(
            "payment-events",
            EventHandlers.create()
                .on(
                    PaymentConfirmed.class,
                    e ->
                        progress.paymentChanged(
                            e.payload().collectionId(), true, e.payload().paidAt()))
                .on(
                    PaymentRefunded.class,
                    e ->
                        progress.paymentChanged(
                            e.payload().collectionId(), false, e.payload().refundedAt())));
    this.capture =
        consumer.channel(
            "capture-events",
            EventHandlers.create()
                .on(
                    PhotoSubmitted.class,
                    e ->
                        progress.advance(
                            e.payload().collectionId(),
                            CollectionStatus.IN_REVIEW,
                            e.payload().submittedAt(),
                            List.of())));
    this.review =
        consumer.channel(
            "review-events",
            EventHandlers.create()
                .on(
                    ReviewPassed.class,
                    e ->
                        progress.advance(
                            e.payload().collectionId(),
                            CollectionStatus.REVIEW_PASSED,
                            e.payload().decidedAt(),
                            List.of()))
                .on(
                    ReviewRejected.class,
                    e ->
                        progress.advance(
                            e.payload().collectionId(),
                            CollectionStatus.REJECTED,
                            e.payload().decidedAt(),
                            e.payload().reasons().stream()
                                .map(r -> new Reason(r.code(), r.message()))
                                .toList()))
                .on(
                    // withdrawn before a reviewer claimed it: back to 待拍摄 until the next submission
                    SubmissionWithdrawn.class,
                    e ->
                        progress.advance(
                            e.payload().collectionId(),
                            CollectionStatus.AWAITING_PHOTO,
                            e.payload().withdrawnAt(),
                            List.of()))
                .on(
                    CollectionCompleted.class,
                    e ->
                        progress.advance(
                            e.payload().collectionId(),
                            CollectionStatus.COMPLETED,
                            e.payload().completedAt(),
                            List.of())));
    this.delivery =
        consumer.channel(
            "delivery-events",
            EventHandlers.create()
                .on(
                    PhotosDelivered.class,
                    e ->
                        io.smallrye.mutiny.Multi.createFrom()
                            .iterable(e.payload().collectionIds())
                            .onItem()
                            .transformToUniAndConcatenate(
                                id ->
                                    progress.advance(
                                        id,
                                        CollectionStatus.DELIVERED,
                                        e.payload().deliveredAt(),
                                        List.of()))
                            .collect()
                            .last()
                            .replaceWithVoid()));
  }

  @Incoming("payment-events")
  Uni<Void> onPayment(String message) {
    return payment.consume(message);
  }

  @Incoming("capture-events")
  Uni<Void> onCapture(String message) {
    return capture.consume(message);
  }

  @Incoming("review-events")
  Uni<Void> onReview(String message) {
    return review.consume(message);
  }

  @Incoming("delivery-events")
  Uni<Void> onDelivery(String message) {
    return delivery.consume(message);
  }
}
