package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope every event travels in. {@code aggregateId} is the Kafka key (normally the
 * collection id); {@code correlationId} ties together everything one student action caused.
 */
public record EventEnvelope<P extends EventPayload>(
    UUID eventId,
    String type,
    int version,
    Instant occurredAt,
    String aggregateId,
    String correlationId,
    P payload) {

  public static <P extends EventPayload> EventEnvelope<P> of(
      P payload, String aggregateId, String correlationId, Instant occurredAt) {
    EventType t = EventType.of(payload);
    return new EventEnvelope<>(
        UUID.randomUUID(),
        t.wireName(),
        t.version(),
        occurredAt,
        aggregateId,
        correlationId,
        payload);
  }

  public EventType eventType() {
    return EventType.byWireName(type).orElseThrow();
  }

  public String topic() {
    return eventType().topic();
  }
}
