package org.gradphoto.review;

import static org.gradphoto.review.Fixtures.as;
import static org.gradphoto.review.Fixtures.publish;
import static org.gradphoto.review.Fixtures.staff;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.event.RosterEntriesChanged;
import org.gradphoto.review.Fixtures.Student;
import org.gradphoto.testsupport.Eventually;
import org.junit.jupiter.api.Test;

/** The per-batch progress counts the roster's students who never started (issue #18). */
@QuarkusTest
class RosterProgressTest {
  private static final String SCHOOL = "21031";

  private static RosterEntriesChanged.Entry entry(String number) {
    return new RosterEntriesChanged.Entry(UUID.randomUUID(), number, "名单学生", "110105********0000");
  }

  private static Integer notStarted(String token, UUID batch) {
    List<Integer> found =
        as(token)
            .queryParam("school", SCHOOL)
            .get("/staff/progress")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.batchId == '" + batch + "' }.notStarted", Integer.class);
    return found.isEmpty() ? null : found.get(0);
  }

  @Test
  void roster_students_without_a_collection_count_as_not_started_and_stop_when_they_start() {
    Student s = Student.of(SCHOOL); // the fixture's student number is 20270001
    String admin = staff("roster-admin", "school-admin", List.of(SCHOOL));
    publish(
        new RosterEntriesChanged(
            s.batchId(),
            SCHOOL,
            List.of(entry("20270001"), entry("20270002"), entry("20270003")),
            Instant.now()),
        s.batchId());
    // a batch nobody started yet is listed, with its whole roster not started
    Eventually.await(() -> notStarted(admin, s.batchId()), 3, Duration.ofSeconds(30));

    s.eligible();
    Eventually.await(() -> notStarted(admin, s.batchId()), 2, Duration.ofSeconds(30));
    as(admin)
        .queryParam("school", SCHOOL)
        .get("/staff/progress")
        .then()
        .body("find { it.batchId == '" + s.batchId() + "' }.awaitingPhoto", equalTo(1))
        .body("find { it.batchId == '" + s.batchId() + "' }.schoolCode", equalTo(SCHOOL));

    // another school's admin sees nothing of it
    String other = staff("roster-admin-2", "school-admin", List.of("21032"));
    Eventually.await(
        () ->
            as(other)
                .get("/staff/progress")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.batchId == '" + s.batchId() + "' }")
                .size(),
        0,
        Duration.ofSeconds(5));
  }

  @Test
  void a_whole_schools_roster_in_one_event_is_recorded_and_the_events_after_it_still_apply() {
    // identity sends up to 1,000 lines per RosterEntriesChanged; a school imports thousands. The
    // consumer once hung for good on such an event (a 1,000-deep chain of persists), holding up
    // every identity event behind it — eligibilities of every school included.
    Student s = Student.of(SCHOOL);
    String admin = staff("roster-admin-3", "school-admin", List.of(SCHOOL));
    List<RosterEntriesChanged.Entry> lines =
        java.util.stream.IntStream.range(0, 1000)
            .mapToObj(i -> entry(String.valueOf(30000000 + i)))
            .toList();
    publish(new RosterEntriesChanged(s.batchId(), SCHOOL, lines, Instant.now()), s.batchId());
    s.eligible(); // the next identity event on the same topic
    Eventually.await(() -> notStarted(admin, s.batchId()), 1000, Duration.ofSeconds(60));
    Eventually.await(
        () ->
            as(admin)
                .queryParam("school", SCHOOL)
                .get("/staff/progress")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.batchId == '" + s.batchId() + "' }.awaitingPhoto"),
        List.of(1),
        Duration.ofSeconds(30));
  }
}
