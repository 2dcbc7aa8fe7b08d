package org.gradphoto.kernel.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.kernel.testapp.TestConsumer;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * An event refused while a precondition was missing is parked; the operator lists it, replays it
 * (refused again while the cause lasts, applied once it is fixed, never twice), and the listing
 * then shows it applied.
 */
@QuarkusTest
@QuarkusTestResource(
    value = RealInfrastructure.class,
    initArgs = {
      @ResourceArg(name = "database", value = "kernel"),
      @ResourceArg(name = "s3", value = "false")
    })
class DeadLetterReplayTest {
  private static final String DLT = Topics.deadLetter("kernel-test");

  @Test
  @TestSecurity(user = "op", roles = "operator")
  void an_operator_lists_a_dead_letter_and_replays_it_once_the_cause_is_fixed() {
    UUID collection = UUID.randomUUID();
    EventEnvelope<ReviewPassed> event =
        EventEnvelope.of(
            new ReviewPassed(
                collection,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "10999",
                "r",
                "k",
                Instant.now()),
            collection.toString(),
            null,
            Instant.now());
    TestConsumer.REFUSED.add(collection);
    KafkaProbe.send(Topics.REVIEW_EVENTS, collection.toString(), EventJson.write(event));
    KafkaProbe.await(DLT, r -> collection.toString().equals(r.key()), Duration.ofSeconds(20))
        .orElseThrow(() -> new AssertionError("the refused event was not parked"));
    TestConsumer.REFUSED.remove(collection);

    Map<String, Object> parked = entryFor(event.eventId());
    assertEquals("ReviewPassed", parked.get("type"));
    assertEquals(Topics.REVIEW_EVENTS, parked.get("fromTopic"));
    assertEquals("review-events", parked.get("channel"));
    assertEquals(false, parked.get("applied"));
    assertEquals(collection.toString(), parked.get("key"));
    assertEquals(DLT, parked.get("topic"));

    // Still refused: the replay says so at once, and the message stays parked, not applied.
    TestConsumer.REFUSED.add(collection);
    given()
        .post(replayPath(parked))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("REPLAY_FAILED"))
        .body("detail", containsString("NOT_YET"));
    assertEquals(0, tally(collection));
    assertEquals(false, entryFor(event.eventId()).get("applied"));
    TestConsumer.REFUSED.remove(collection);

    // The cause fixed: applied by the service's own consumer during the request.
    given()
        .post(replayPath(parked))
        .then()
        .statusCode(200)
        .body("eventId", equalTo(event.eventId().toString()))
        .body("applied", equalTo(true));
    assertEquals(1, tally(collection));
    assertEquals(true, entryFor(event.eventId()).get("applied"), "the listing shows it applied");

    // A second replay (two operators, a double click) applies nothing twice.
    given().post(replayPath(parked)).then().statusCode(200).body("applied", equalTo(true));
    assertEquals(1, tally(collection));

    // Nothing was written to the topic it came from: that topic is another service's, and
    // the cluster's ACLs let this service only read it.
    assertEquals(
        1,
        KafkaProbe.all(
                Topics.REVIEW_EVENTS,
                r -> collection.toString().equals(r.key()),
                Duration.ofSeconds(5))
            .size(),
        "the event is on its topic once, as its producer sent it");
  }

  private static String replayPath(Map<String, Object> parked) {
    return "/ops/dead-letters/"
        + parked.get("topic")
        + "/"
        + parked.get("partition")
        + "/"
        + parked.get("offset")
        + "/replay";
  }

  @Test
  @TestSecurity(user = "op", roles = "operator")
  void replaying_what_is_not_there_is_a_problem() {
    given()
        .post("/ops/dead-letters/" + DLT + "/0/999999/replay")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("NO_SUCH_DEAD_LETTER"));
    given()
        .post("/ops/dead-letters/gradphoto.other.dead-letter/0/0/replay")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("NO_SUCH_DEAD_LETTER_TOPIC"));
  }

  @Test
  @TestSecurity(user = "r1", roles = "reviewer")
  void only_operators_see_dead_letters() {
    given().get("/ops/dead-letters").then().statusCode(403).contentType("application/problem+json");
  }

  private static Map<String, Object> entryFor(UUID eventId) {
    List<Map<String, Object>> all =
        JsonPath.from(given().get("/ops/dead-letters").then().statusCode(200).extract().asString())
            .getList("$");
    return all.stream()
        .filter(e -> eventId.toString().equals(e.get("eventId")))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("not listed: " + eventId));
  }

  private static int tally(UUID id) {
    return Integer.parseInt(
        given().get("/test/tally/" + id).then().statusCode(200).extract().asString());
  }
}
