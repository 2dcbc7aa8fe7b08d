package org.gradphoto.kernel.testapp;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.messaging.EventHandlers;
import org.gradphoto.kernel.messaging.IdempotentConsumer;

/**
 * Counts ReviewPassed per collection; fails on every ReviewRejected and refuses every
 * CollectionCompleted (a domain "no") to exercise the dead-letter topic.
 */
@ApplicationScoped
public class TestConsumer {
  /** Collections whose ReviewPassed the test app refuses while they are in here. */
  public static final java.util.Set<java.util.UUID> REFUSED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final IdempotentConsumer.Channel channel;
  private static final EventHandlers HANDLERS =
      EventHandlers.create()
          .on(
              ReviewPassed.class,
              e ->
                  REFUSED.contains(e.payload().collectionId())
                      ? Uni.createFrom()
                          .failure(
                              new ProblemException(
                                  409, "NOT_YET", "Refused", "the test app refuses this for now"))
                      : increment(e.payload()))
          .on(
              ReviewRejected.class,
              e -> Uni.createFrom().failure(new IllegalStateException("always fails")))
          .on(
              CollectionCompleted.class,
              e ->
                  Uni.createFrom()
                      .failure(
                          new ProblemException(
                              409, "NOT_ALLOWED", "Refused", "the test app refuses this")));

  TestConsumer(IdempotentConsumer consumer) {
    this.channel = consumer.channel("review-events", HANDLERS);
  }

  @Incoming("review-events")
  Uni<Void> consume(String message) {
    return channel.consume(message);
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
