package org.gradphoto.kernel.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.kernel.error.Failures;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.EventPayload;
import org.gradphoto.kernel.logging.Redacted;

/**
 * The reading half of reliable messaging. In one transaction it records the event id in {@code
 * processed_event} and applies the handler, so an event delivered twice is applied once.
 *
 * <p>What happens to a failure depends on what waiting can cure:
 *
 * <ul>
 *   <li>the store is away or a transaction lost a race ({@link Failures#isTransient}): the same
 *       message is tried again with back-off, up to {@code gradphoto.consumer.outage-limit}
 *       (default 15 minutes), so a database failover or restart loses nothing and commits no offset
 *       past the message; the partition waits meanwhile, which keeps the order per key;
 *   <li>a poison message (not an event, an event type this version does not know, a handler's
 *       domain refusal ({@code Refusal} or {@code ProblemException})): dead-lettered at once;
 *   <li>any other handler failure (often a precondition another topic's event will meet soon): a
 *       few quick retries ({@code gradphoto.consumer.retries}, default 3), then dead-lettered.
 * </ul>
 *
 * Dead-lettering is the connector's {@code dead-letter-queue} strategy acting on the failed {@code
 * Uni}. Metrics: {@code gradphoto.consumer.transient.retries} and {@code
 * gradphoto.consumer.dead.letters} (tags {@code consumer}, and {@code reason} for the latter).
 */
@ApplicationScoped
public class IdempotentConsumer {
  private static final String MARK =
      "insert into processed_event (consumer, event_id, processed_at) values (:consumer, :eventId,"
          + " :at) on conflict do nothing";

  private final int retries;
  private final Duration outageLimit;
  private final Duration outageBackOff;
  private final MeterRegistry metrics;

  IdempotentConsumer(
      @ConfigProperty(name = "gradphoto.consumer.retries", defaultValue = "3") int retries,
      @ConfigProperty(name = "gradphoto.consumer.outage-limit", defaultValue = "PT15M")
          Duration outageLimit,
      @ConfigProperty(name = "gradphoto.consumer.outage-back-off", defaultValue = "PT10S")
          Duration outageBackOff,
      MeterRegistry metrics) {
    this.retries = retries;
    this.outageLimit = outageLimit;
    this.outageBackOff = outageBackOff;
    this.metrics = metrics;
  }

  /**
   * @param consumer a stable name for this subscription (normally the channel name)
   * @param message the Kafka record value
   */
  public Uni<Void> consume(String consumer, String message, EventHandlers handlers) {
    Optional<EventEnvelope<EventPayload>> read;
    try {
      read = EventJson.read(message);
    } catch (EventJson.MalformedEventException e) {
      Log.warnf(
          "%s: unreadable message sent to the dead-letter topic: %s", consumer, e.getMessage());
      return deadLetter(consumer, "unreadable", e);
    }
    if (read.isEmpty()) {
      // A newer producer's type: parked so it can be replayed once this service knows it.
      Log.warnf("%s: event of an unknown type sent to the dead-letter topic", consumer);
      return deadLetter(
          consumer, "unknown-type", new PoisonMessageException("event type unknown here"));
    }
    EventEnvelope<EventPayload> event = read.get();
    return handlers
        .handlerFor(event.payload())
        .map(handler -> applyOnce(consumer, event, handler))
        .orElseGet(() -> Uni.createFrom().voidItem());
  }

  private Uni<Void> applyOnce(
      String consumer,
      EventEnvelope<EventPayload> event,
      Function<EventEnvelope<EventPayload>, Uni<Void>> handler) {
    Counter waits = metrics.counter("gradphoto.consumer.transient.retries", "consumer", consumer);
    Uni<Void> once =
        Uni.createFrom()
            .deferred(
                () ->
                    Panache.withTransaction(
                        () ->
                            markProcessed(consumer, event.eventId())
                                .chain(
                                    fresh ->
                                        fresh
                                            ? handler.apply(event)
                                            : Uni.createFrom().voidItem())));
    Instant givenUpAt = Instant.now().plus(outageLimit);
    return once
        // 1. The store is away: wait for it, within the outage limit.
        .onFailure(Failures::isTransient)
        .invoke(
            e -> {
              waits.increment();
              Log.warnf(
                  "%s: %s %s waits for the store: %s",
                  consumer, event.type(), event.eventId(), Redacted.describe(e));
            })
        .onFailure(Failures::isTransient)
        .retry()
        .withBackOff(Duration.ofMillis(200), outageBackOff)
        .expireAt(givenUpAt.toEpochMilli())
        // 2. Anything but a refusal: a few quick retries.
        .onFailure(e -> !Failures.isTransient(e) && !Failures.isRefusal(e))
        .invoke(
            e ->
                Log.warnf(
                    "%s: %s %s failed: %s",
                    consumer, event.type(), event.eventId(), Redacted.describe(e)))
        .onFailure(e -> !Failures.isTransient(e) && !Failures.isRefusal(e))
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2))
        .atMost(retries)
        // 3. What is left goes to the dead-letter topic.
        .onFailure()
        .recoverWithUni(
            e ->
                deadLetter(
                    consumer,
                    Failures.isRefusal(e)
                        ? "refused"
                        : Failures.isTransient(e) ? "outage-too-long" : "failed",
                    e));
  }

  private Uni<Void> deadLetter(String consumer, String reason, Throwable failure) {
    metrics
        .counter("gradphoto.consumer.dead.letters", "consumer", consumer, "reason", reason)
        .increment();
    return Uni.createFrom().failure(failure);
  }

  private Uni<Boolean> markProcessed(String consumer, UUID eventId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(MARK)
                    .setParameter("consumer", consumer)
                    .setParameter("eventId", eventId)
                    .setParameter("at", Instant.now())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  /** A message no retry can make processable; it goes to the dead-letter topic at once. */
  public static final class PoisonMessageException extends RuntimeException {
    PoisonMessageException(String message) {
      super(message);
    }
  }
}
