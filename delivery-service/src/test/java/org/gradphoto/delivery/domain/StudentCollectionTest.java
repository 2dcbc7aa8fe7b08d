package org.gradphoto.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StudentCollectionTest {
  private static final UUID STUDENT = UUID.randomUUID();
  private static final UUID BATCH = UUID.randomUUID();
  private static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");
  private static final PinnedPhoto PHOTO =
      new PinnedPhoto("collections/x/standard.jpg", "k", "ab", 10, 480, 640, 300, Map.of());

  private static Roster roster(String profile) {
    return new Roster(
        STUDENT,
        BATCH,
        "2027届",
        "10999",
        "示例大学",
        "2023000101",
        "张三",
        "RESIDENT_ID",
        "110105********1234",
        "sealed",
        profile);
  }

  @Test
  void a_roster_arriving_after_the_completion_fills_in_who_and_keeps_the_photo_and_its_profile() {
    UUID id = UUID.randomUUID();
    StudentCollection completedFirst =
        StudentCollection.eligible(id, Roster.partial(STUDENT, BATCH, "10999", "chsi-graduation"))
            .completed("chsi-graduation", PHOTO, AT);

    StudentCollection c = completedFirst.withRoster(roster("one-inch"));

    assertEquals(CollectionStatus.COMPLETED, c.status());
    assertSame(PHOTO, c.photo());
    assertEquals(AT, c.completedAt());
    assertEquals("张三", c.studentName());
    assertEquals("2023000101", c.studentNumber());
    assertEquals("chsi-graduation", c.roster().specProfile());
    assertTrue(c.belongsTo(STUDENT));
  }

  @Test
  void the_completion_names_the_profile_the_photo_was_made_to() {
    StudentCollection c =
        StudentCollection.eligible(UUID.randomUUID(), roster("chsi-graduation"))
            .completed("one-inch", PHOTO, AT);

    assertEquals("one-inch", c.roster().specProfile());
    assertEquals("张三", c.studentName());
  }

  @Test
  void a_delivered_collection_keeps_its_photo_and_a_review_never_moves_a_completed_one_back() {
    StudentCollection completed =
        StudentCollection.eligible(UUID.randomUUID(), roster("chsi-graduation"))
            .completed("chsi-graduation", PHOTO, AT);
    StudentCollection delivered =
        new StudentCollection(
            completed.collectionId(),
            completed.roster(),
            CollectionStatus.DELIVERED,
            PHOTO,
            AT,
            UUID.randomUUID(),
            AT.plusSeconds(60));

    assertSame(delivered, delivered.completed("chsi-graduation", PHOTO, AT.plusSeconds(120)));
    assertSame(completed, completed.reviewed(false));
    assertEquals(
        CollectionStatus.REJECTED,
        StudentCollection.eligible(UUID.randomUUID(), roster("x")).reviewed(false).status());
  }
}
