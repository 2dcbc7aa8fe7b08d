package org.gradphoto.kernel.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes events as JSON. Unknown fields are ignored so a consumer keeps working when a
 * producer adds fields; unknown event types read as empty (the consumer parks them on its
 * dead-letter topic for replay once it knows the type).
 */
public final class EventJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private EventJson() {}

  public static String write(EventEnvelope<?> envelope) {
    try {
      return MAPPER.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event cannot be written as JSON", e);
    }
  }

  /**
   * Reads an envelope and its typed payload; empty if the type is not in this catalogue (a newer
   * producer). Throws {@link MalformedEventException} if the message is not an event at all.
   */
  public static Optional<EventEnvelope<EventPayload>> read(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException("message is not JSON", e);
    }
    if (tree == null || !tree.hasNonNull("eventId") || !tree.hasNonNull("type")) {
      throw new MalformedEventException("message has no eventId or type", null);
    }
    Optional<EventType> type = EventType.byWireName(tree.get("type").asText());
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      EventPayload payload = MAPPER.treeToValue(tree.get("payload"), type.get().payloadType());
      return Optional.of(
          new EventEnvelope<>(
              UUID.fromString(tree.get("eventId").asText()),
              type.get().wireName(),
              tree.path("version").asInt(1),
              tree.hasNonNull("occurredAt")
                  ? Instant.parse(tree.get("occurredAt").asText())
                  : Instant.EPOCH,
              tree.path("aggregateId").asText(null),
              tree.path("correlationId").asText(null),
              payload));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MalformedEventException("payload of " + type.get().wireName() + " is invalid", e);
    }
  }

  /** Thrown for a message that can never be processed; it goes to the dead-letter topic. */
  public static final class MalformedEventException extends RuntimeException {
    MalformedEventException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
