package org.gradphoto.kernel.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.EventPayload;
import org.gradphoto.kernel.logging.Redacted;

/**
 * The reading half of reliable messaging. In one transaction it records the event id in {@code
 * processed_event} and applies the handler, so an event delivered twice is applied once. A handler
 * that fails is retried with back-off; when it keeps failing the returned {@code Uni} fails, the
 * message is nacked, and the Kafka connector's {@code dead-letter-queue} strategy moves it to the
 * service's dead-letter topic.
 */
@ApplicationScoped
public class IdempotentConsumer {
  private static final String MARK =
      "insert into processed_event (consumer, event_id, processed_at) values (:consumer, :eventId,"
          + " :at) on conflict do nothing";

  private final int retries;

  IdempotentConsumer(
      @ConfigProperty(name = "gradphoto.consumer.retries", defaultValue = "3") int retries) {
    this.retries = retries;
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
      return Uni.createFrom().failure(e);
    }
    if (read.isEmpty()) {
      return Uni.createFrom().voidItem();
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
      java.util.function.Function<EventEnvelope<EventPayload>, Uni<Void>> handler) {
    Uni<Void> once =
        Panache.withTransaction(
            () ->
                markProcessed(consumer, event.eventId())
                    .chain(fresh -> fresh ? handler.apply(event) : Uni.createFrom().voidItem()));
    return once.onFailure()
        .invoke(
            e ->
                Log.warnf(
                    "%s: %s %s failed: %s",
                    consumer, event.type(), event.eventId(), Redacted.describe(e)))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2))
        .atMost(retries);
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
}
