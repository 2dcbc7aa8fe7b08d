package org.gradphoto.delivery.adapter.in.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gradphoto.delivery.application.port.in.CompleteCollectionUseCase;
import org.gradphoto.delivery.application.port.in.ReviewResultUseCase;
import org.gradphoto.delivery.domain.NotificationKind;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.messaging.EventHandlers;
import org.gradphoto.kernel.messaging.IdempotentConsumer;

/** review-service's events: results to tell the student, completions to pin and lay out. */
@ApplicationScoped
class ReviewEventsConsumer {
  static final String CHANNEL = "review-events";

  private final IdempotentConsumer.Channel channel;

  ReviewEventsConsumer(
      IdempotentConsumer consumer,
      ReviewResultUseCase results,
      CompleteCollectionUseCase completion) {
    this.channel =
        consumer.channel(
            CHANNEL,
            EventHandlers.create()
                .on(
                    ReviewPassed.class,
                    e ->
                        results.reviewed(
                            new ReviewResultUseCase.ReviewResult(
                                e.eventId(),
                                e.payload().collectionId(),
                                NotificationKind.REVIEW_PASSED,
                                e.payload().decidedAt())))
                .on(
                    ReviewRejected.class,
                    e ->
                        results.reviewed(
                            new ReviewResultUseCase.ReviewResult(
                                e.eventId(),
                                e.payload().collectionId(),
                                NotificationKind.REVIEW_REJECTED,
                                e.payload().decidedAt())))
                .on(
                    CollectionCompleted.class,
                    e -> {
                      CollectionCompleted p = e.payload();
                      return completion.complete(
                          new CompleteCollectionUseCase.Completion(
                              p.collectionId(),
                              p.studentId(),
                              p.batchId(),
                              p.schoolCode(),
                              p.specProfile(),
                              p.standardizedKey(),
                              p.completedAt()));
                    }));
  }

  @Incoming(CHANNEL)
  Uni<Void> on(String message) {
    return channel.consume(message);
  }
}
