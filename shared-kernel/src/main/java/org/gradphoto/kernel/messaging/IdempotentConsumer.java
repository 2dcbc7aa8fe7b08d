package org.gradphoto.kernel.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();

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
   * Registers what the incoming channel {@code name} does with each event type; the channel's
   * {@code @Incoming} method hands every record to {@link Channel#consume}. The registration also
   * lets an operator replay a dead letter of that channel ({@link #replay}) without writing to the
   * topic it came from, which belongs to another service (each service may only write its own).
   *
   * @param name the channel name, a stable name for this subscription in {@code processed_event}
   */
  public Channel channel(String name, EventHandlers handlers) {
    Channel channel = new Channel(name, handlers);
    if (channels.putIfAbsent(name, channel) != null) {
      throw new IllegalStateException("channel registered twice: " + name);
    }
    return channel;
  }

  /** One incoming channel of the service with its handlers. */
  public final class Channel {
    private final String name;
    private final EventHandlers handlers;

    private Channel(String name, EventHandlers handlers) {
      this.name = name;
      this.handlers = handlers;
    }

    /**
     * @param message the Kafka record value
     */
    public Uni<Void> consume(String message) {
      return IdempotentConsumer.this.consume(name, message, handlers);
    }
  }

  /** What an operator's replay of a parked message did. */
  public enum Replayed {
    /** the handler ran now, in its transaction, and the event is marked processed */
    APPLIED,
    /** the event had been applied already (by an earlier replay or a redelivery) */
    ALREADY_APPLIED,
    /** this version of the channel has no handler for the event's type (nothing to do) */
    NOT_HANDLED
  }

  /**
   * Applies a parked message of {@code channel} once, now, as its consumer would have: in one
   * transaction with its mark in {@code processed_event}. Unlike {@link Channel#consume} it neither
   * waits out an outage nor retries: the operator sees at once why it fails, and the message stays
   * where it is parked.
   *
   * @throws ReplayImpossible when the channel is not registered or the message is no event of a
   *     type this version knows
   */
  public Uni<Replayed> replay(String channel, String message) {
    Channel registered = channels.get(channel);
    if (registered == null) {
      return Uni.createFrom().failure(new ReplayImpossible("本服务没有这个消费通道"));
    }
    Optional<EventEnvelope<EventPayload>> read;
    try {
      read = EventJson.read(message);
    } catch (EventJson.MalformedEventException e) {
      return Uni.createFrom().failure(new ReplayImpossible("消息不是可读的事件"));
    }
    if (read.isEmpty()) {
      return Uni.createFrom().failure(new ReplayImpossible("本版本不认识这种事件类型，请升级服务后再重放"));
    }
    EventEnvelope<EventPayload> event = read.get();
    Optional<Function<EventEnvelope<EventPayload>, Uni<Void>>> handler =
        registered.handlers.handlerFor(event.payload());
    if (handler.isEmpty()) {
      return Uni.createFrom().item(Replayed.NOT_HANDLED);
    }
    return Panache.withTransaction(
            () ->
                markProcessed(channel, event.eventId())
                    .chain(
                        fresh ->
                            fresh
                                ? handler.get().apply(event).replaceWith(Replayed.APPLIED)
                                : Uni.createFrom().item(Replayed.ALREADY_APPLIED)))
        .invoke(
            outcome ->
                Log.infof(
                    "%s: dead letter %s %s replayed: %s",
                    channel, event.type(), event.eventId(), outcome));
  }

  /** A parked message that no replay can apply here; the reason is a constant, never data. */
  public static final class ReplayImpossible extends RuntimeException {
    ReplayImpossible(String reason) {
      super(reason);
    }
  }

  private Uni<Void> consume(String consumer, String message, EventHandlers handlers) {
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
