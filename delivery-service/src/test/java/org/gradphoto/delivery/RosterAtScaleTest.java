package org.gradphoto.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.gradphoto.delivery.Fixtures.Student;
import org.gradphoto.kernel.event.RosterEntriesChanged;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.junit.jupiter.api.Test;

/**
 * identity sends a school's roster in events of up to 1,000 lines. The consumer once hung for good
 * on such an event (a 1,000-deep chain of persists): the transaction stayed open, and every
 * identity event behind it — every school's eligibilities — waited with it.
 */
@QuarkusTest
class RosterAtScaleTest {
  private static final String SCHOOL = "10996";

  @Test
  void a_thousand_line_roster_event_is_recorded_and_the_events_after_it_still_apply() {
    UUID batch = UUID.randomUUID();
    List<RosterEntriesChanged.Entry> lines =
        IntStream.range(0, 1000)
            .mapToObj(
                i ->
                    new RosterEntriesChanged.Entry(
                        UUID.randomUUID(),
                        String.valueOf(2024000000L + i),
                        "名单学生",
                        "110105********0000"))
            .toList();
    Fixtures.publish(
        Topics.IDENTITY_EVENTS,
        new RosterEntriesChanged(batch, SCHOOL, lines, Instant.now()),
        batch);
    Student late = Student.of(batch, SCHOOL, "2024999999", "110105200003031234", "chsi-graduation");
    Fixtures.grant(late); // the next identity event on the topic
    String admin = Fixtures.staff("school-admin", SCHOOL);

    // the 1,000 who never started, and the student whose eligibility came after them
    Eventually.await(() -> missingOf(admin, batch).size(), 1001, Duration.ofSeconds(60));
    assertEquals(
        1,
        missingOf(admin, batch).stream()
            .filter(m -> late.collectionId().toString().equals(m.get("collectionId")))
            .count());
  }

  private static List<Map<String, Object>> missingOf(String token, UUID batch) {
    return given()
        .auth()
        .oauth2(token)
        .get("/schools/" + SCHOOL + "/batches/" + batch + "/missing-students")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("");
  }
}
