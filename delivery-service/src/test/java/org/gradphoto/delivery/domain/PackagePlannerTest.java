package org.gradphoto.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PackagePlannerTest {
  private static final UUID BATCH = UUID.randomUUID();

  private static StudentCollection student(String number, String sealedId, boolean completed) {
    UUID id = UUID.randomUUID();
    StudentCollection c =
        StudentCollection.eligible(
            id,
            new Roster(
                UUID.randomUUID(),
                BATCH,
                "2027届",
                "10999",
                "测试大学",
                number,
                "张三",
                "RESIDENT_ID",
                "110105********1234",
                sealedId,
                "chsi-graduation"));
    if (!completed) {
      return c;
    }
    return c.completed(
        "chsi-graduation",
        new PinnedPhoto(
            "collections/" + id + "/standard.jpg", "k", "ab", 10, 480, 640, 300, Map.of()),
        Instant.parse("2026-11-20T02:00:00Z"));
  }

  private static PackageBuild pkg(NamingConvention naming) {
    return new PackageBuild(
        SchoolPackage.requested(UUID.randomUUID(), "10999", BATCH, naming, "admin", Instant.now()),
        UUID.randomUUID());
  }

  @Test
  void photos_are_named_by_the_opened_id_number_and_the_rest_are_missing() {
    List<StudentCollection> batch =
        List.of(
            student("2023002", "sealed-b", true),
            student("2023001", "sealed-a", true),
            student("2023003", "sealed-c", false));
    PackagePlan plan =
        PackagePlanner.plan(
            pkg(NamingConvention.ID_NUMBER),
            batch,
            List.of(),
            c ->
                c.idNumberSealed().equals("sealed-a") ? "11010520000101123X" : "110105200002021234",
            Instant.now());
    assertEquals(
        List.of("11010520000101123X.jpg", "110105200002021234.jpg"),
        plan.entries().stream().map(PackageEntry::fileName).toList());
    assertEquals(1, plan.missing().size());
    assertEquals("2023003", plan.missing().getFirst().studentNumber());
  }

  @Test
  void every_build_of_a_package_writes_an_object_of_its_own() {
    PackageBuild first = pkg(NamingConvention.STUDENT_NUMBER);
    PackageBuild second = new PackageBuild(first.pkg(), UUID.randomUUID());
    List<StudentCollection> batch = List.of(student("2023001", "x", true));
    String a = PackagePlanner.plan(first, batch, List.of(), c -> "", Instant.now()).objectKey();
    String b = PackagePlanner.plan(second, batch, List.of(), c -> "", Instant.now()).objectKey();
    assertNotEquals(a, b);
    assertTrue(a.startsWith("packages/10999/" + BATCH + "/" + first.pkg().packageId() + "/"), a);
    assertTrue(b.endsWith(second.buildId() + ".zip"), b);
  }

  @Test
  void equal_names_get_a_suffix_and_unsafe_characters_are_dropped() {
    List<StudentCollection> batch =
        List.of(student("A/01", "x", true), student("A01", "y", true), student("", "z", true));
    PackagePlan plan =
        PackagePlanner.plan(
            pkg(NamingConvention.STUDENT_NUMBER), batch, List.of(), c -> "", Instant.now());
    List<String> names = plan.entries().stream().map(PackageEntry::fileName).toList();
    assertEquals(3, names.stream().distinct().count());
    assertEquals(List.of("A01.jpg", "A01_2.jpg"), names.subList(1, 3));
    assertEquals(batch.get(2).collectionId() + ".jpg", names.getFirst());
  }

  private static RosterLine line(String number, String name) {
    return new RosterLine(UUID.randomUUID(), BATCH, "10999", number, name, "110105********5678");
  }

  @Test
  void
      roster_lines_that_never_started_are_missing_once_and_started_ones_count_by_their_collection() {
    List<StudentCollection> batch =
        List.of(student("2023001", "sealed-a", true), student("2023003", "sealed-c", false));
    // 2023001 and 2023003 started (their roster lines must not count twice); 2023002 never did
    List<RosterLine> roster =
        List.of(line("2023003", "张三"), line("2023002", "李四"), line("2023001", "张三"));
    PackagePlan plan =
        PackagePlanner.plan(
            pkg(NamingConvention.STUDENT_NUMBER), batch, roster, c -> "", Instant.now());
    assertEquals(1, plan.entries().size());
    assertEquals(
        List.of("2023002", "2023003"),
        plan.missing().stream().map(MissingStudent::studentNumber).toList());
    MissingStudent never = plan.missing().getFirst();
    assertEquals(CollectionStatus.NOT_STARTED, never.status());
    assertEquals("未开始", never.status().label());
    assertEquals(null, never.collectionId());
    assertEquals("李四", never.studentName());
    assertEquals(CollectionStatus.COLLECTING, plan.missing().get(1).status());
  }
}
