package org.gradphoto.kernel.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  private final UUID collection = UUID.randomUUID();

  private ReviewRejected rejected() {
    return new ReviewRejected(
        collection,
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "10999",
        "reviewer-1",
        List.of(new ReviewRejected.Reason("HEAD_TILTED", "头部歪斜，请保持头部端正后重拍")),
        Instant.parse("2026-11-23T08:00:00Z"));
  }

  @Test
  void an_event_round_trips_with_its_envelope() {
    EventEnvelope<ReviewRejected> sent =
        EventEnvelope.of(rejected(), collection.toString(), "corr-1", Instant.now());
    EventEnvelope<EventPayload> read = EventJson.read(EventJson.write(sent)).orElseThrow();
    assertEquals(sent.eventId(), read.eventId());
    assertEquals("ReviewRejected", read.type());
    assertEquals(1, read.version());
    assertEquals(Topics.REVIEW_EVENTS, read.topic());
    assertEquals(sent.payload(), read.payload());
  }

  @Test
  void unknown_fields_from_a_newer_producer_are_ignored() {
    String json =
        EventJson.write(EventEnvelope.of(rejected(), collection.toString(), null, Instant.now()))
            .replace("\"payload\":{", "\"payload\":{\"addedLater\":[1,2],")
            .replace("\"version\":1", "\"version\":2,\"tenant\":\"x\"");
    EventEnvelope<EventPayload> read = EventJson.read(json).orElseThrow();
    assertEquals(2, read.version());
    assertEquals(collection, ((ReviewRejected) read.payload()).collectionId());
  }

  @Test
  void an_unknown_event_type_is_skipped_and_garbage_is_refused() {
    String unknown =
        "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"SomethingNew\",\"payload\":{}}";
    assertTrue(EventJson.read(unknown).isEmpty());
    assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read("not json"));
    assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read("{\"a\":1}"));
  }

  @Test
  void every_event_type_has_a_distinct_name_and_a_topic() {
    assertEquals(
        EventType.values().length,
        java.util.Arrays.stream(EventType.values()).map(EventType::wireName).distinct().count());
    for (EventType t : EventType.values()) {
      assertTrue(t.topic().startsWith("gradphoto."));
      assertEquals(t.payloadType().getSimpleName(), t.wireName());
    }
  }
}
