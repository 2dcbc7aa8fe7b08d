package org.gradphoto.kernel.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.messaging.EventHandlers;
import org.gradphoto.kernel.messaging.IdempotentConsumer;

/** Counts ReviewPassed per collection; fails on every ReviewRejected to exercise the DLT. */
@ApplicationScoped
public class TestConsumer {
  private final IdempotentConsumer consumer;
  private final EventHandlers handlers =
      EventHandlers.create()
          .on(ReviewPassed.class, e -> increment(e.payload()))
          .on(
              ReviewRejected.class,
              e -> Uni.createFrom().failure(new IllegalStateException("always fails")));

  TestConsumer(IdempotentConsumer consumer) {
    this.consumer = consumer;
  }

  @Incoming("review-events")
  Uni<Void> consume(String message) {
    return consumer.consume("review-events", message, handlers);
  }

  private static Uni<Void> increment(ReviewPassed passed) {
    return Tally.<Tally>findById(passed.collectionId())
        .chain(
            t -> {
              Tally tally = t;
              if (tally == null) {
                tally = new Tally();
                tally.aggregateId = passed.collectionId();
              }
              tally.applied++;
              return tally.persist();
            })
        .replaceWithVoid();
  }
}
