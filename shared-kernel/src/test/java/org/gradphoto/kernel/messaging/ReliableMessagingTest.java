package org.gradphoto.kernel.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.kernel.web.ProblemMappers;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.RealInfrastructure;
import org.gradphoto.testsupport.RealPostgres;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = RealInfrastructure.class,
    initArgs = {
      @ResourceArg(name = "database", value = "kernel"),
      @ResourceArg(name = "s3", value = "false")
    })
class ReliableMessagingTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void a_state_change_and_its_event_commit_together_and_the_event_reaches_kafka() {
    String created =
        given()
            .contentType(ContentType.JSON)
            .body("{\"name\":\"a\"}")
            .post("/test/accounts")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    UUID accountId = UUID.fromString(created.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    String eventId = created.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");

    given().get("/test/accounts/" + accountId + "/exists").then().body(equalTo("true"));
    var record =
        KafkaProbe.await(
            Topics.REVIEW_EVENTS, r -> eventId.equals(KafkaProbe.header(r, "eventId")), WAIT);
    assertTrue(record.isPresent(), "the committed event was relayed to Kafka");
    assertEquals(accountId.toString(), record.get().key());
    assertTrue(record.get().value().contains("\"type\":\"ReviewPassed\""));
    // and the service's own consumer applied it exactly once
    assertEquals(1, Eventually.await(() -> tally(accountId), 1, WAIT));
  }

  @Test
  void a_failed_transaction_keeps_neither_the_state_change_nor_the_event() {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger mappers = Logger.getLogger(ProblemMappers.class.getName());
    mappers.addHandler(capture);
    try {
      given()
          .contentType(ContentType.JSON)
          .body("{\"name\":\"doomed 张三\"}")
          .post("/test/accounts?fail=true")
          .then()
          .statusCode(500)
          .contentType("application/problem+json")
          .body("code", equalTo("INTERNAL_ERROR"));
    } finally {
      mappers.removeHandler(capture);
    }
    // The incident is logged with the failure's class and frames, but not its message, which
    // quotes the name.
    LogRecord incident =
        logged.stream()
            .filter(r -> r.getThrown() != null)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no incident logged: " + logged));
    StringWriter trace = new StringWriter();
    incident.getThrown().printStackTrace(new PrintWriter(trace));
    assertTrue(trace.toString().contains("IllegalStateException"), trace.toString());
    assertFalse(trace.toString().contains("张三"), trace.toString());
    // Nothing named "doomed" exists and no outbox row was left for any aggregate of it: count the
    // rows of the whole outbox before/after a failing call instead of guessing the id.
    long before = outboxTotal();
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"doomed\"}")
        .post("/test/accounts?fail=true")
        .then()
        .statusCode(500);
    assertEquals(before, outboxTotal());
  }

  @Test
  void an_event_delivered_twice_is_applied_once() {
    UUID collection = UUID.randomUUID();
    String duplicate = EventJson.write(passed(collection));
    KafkaProbe.send(Topics.REVIEW_EVENTS, collection.toString(), duplicate);
    KafkaProbe.send(Topics.REVIEW_EVENTS, collection.toString(), duplicate);
    // A later, distinct event on the same key: once it is applied, both copies were consumed.
    UUID sentinel = UUID.randomUUID();
    KafkaProbe.send(Topics.REVIEW_EVENTS, collection.toString(), EventJson.write(passed(sentinel)));

    assertEquals(1, Eventually.await(() -> tally(sentinel), 1, WAIT));
    assertEquals(1, tally(collection));
  }

  @Test
  void messages_that_keep_failing_go_to_the_dead_letter_topic() {
    UUID collection = UUID.randomUUID();
    EventEnvelope<ReviewRejected> failing =
        EventEnvelope.of(
            new ReviewRejected(
                collection,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "10999",
                "r",
                List.of(),
                Instant.now()),
            collection.toString(),
            null,
            Instant.now());
    KafkaProbe.send(Topics.REVIEW_EVENTS, collection.toString(), EventJson.write(failing));
    KafkaProbe.send(Topics.REVIEW_EVENTS, collection.toString(), "{not an event");

    String dlt = Topics.deadLetter("kernel-test");
    List<String> parked =
        KafkaProbe.all(dlt, r -> collection.toString().equals(r.key()), Duration.ofSeconds(15))
            .stream()
            .map(r -> r.value())
            .toList();
    assertTrue(parked.contains("{not an event"), "the unreadable message was parked");
    assertTrue(
        parked.stream().anyMatch(v -> v.contains(failing.eventId().toString())),
        "the event whose handler kept failing was parked");
  }

  @Test
  void events_arriving_while_the_database_is_down_are_applied_once_it_is_back() throws Exception {
    double waitsBefore = metric("gradphoto_consumer_transient_retries_total");
    List<UUID> collections = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    RealPostgres.stopForOutage();
    try {
      for (UUID c : collections) {
        KafkaProbe.send(Topics.REVIEW_EVENTS, c.toString(), EventJson.write(passed(c)));
      }
      // Longer than the former retry budget (3 tries, 0.2-2 s), which dead-lettered these.
      Thread.sleep(10_000);
    } finally {
      RealPostgres.startAgain();
    }
    for (UUID c : collections) {
      assertEquals(1, Eventually.await(() -> tally(c), 1, Duration.ofSeconds(60)), c.toString());
    }
    assertTrue(
        metric("gradphoto_consumer_transient_retries_total") > waitsBefore,
        "the waits for the database are counted");
    var parked =
        KafkaProbe.all(
            Topics.deadLetter("kernel-test"),
            r -> collections.stream().anyMatch(c -> c.toString().equals(r.key())),
            Duration.ofSeconds(3));
    assertTrue(parked.isEmpty(), "nothing of the outage was dead-lettered: " + parked);
  }

  @Test
  void a_request_while_the_database_is_down_is_answered_503_with_retry_after() throws Exception {
    UUID id = UUID.randomUUID();
    RealPostgres.stopForOutage();
    try {
      given()
          .get("/test/accounts/" + id + "/exists")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "5")
          .body("code", equalTo("TEMPORARILY_UNAVAILABLE"))
          .body("detail", containsString("秒后重试"));
    } finally {
      RealPostgres.startAgain();
    }
    // The same request succeeds once the database is back (the pool reconnects by itself).
    assertEquals(
        "false",
        Eventually.await(
            () -> given().get("/test/accounts/" + id + "/exists").then().extract().asString(),
            "false",
            Duration.ofSeconds(30)));
  }

  @Test
  void poison_messages_are_dead_lettered_at_once_and_counted() {
    double refusedBefore = metric("gradphoto_consumer_dead_letters_total", "refused");
    double unknownBefore = metric("gradphoto_consumer_dead_letters_total", "unknown-type");
    UUID collection = UUID.randomUUID();
    EventEnvelope<CollectionCompleted> refused =
        EventEnvelope.of(
            new CollectionCompleted(
                collection,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "10999",
                "p",
                "k",
                Instant.now()),
            collection.toString(),
            null,
            Instant.now());
    String unknownType =
        "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"NotInTheCatalogue\",\"payload\":{}}";
    KafkaProbe.send(Topics.REVIEW_EVENTS, collection.toString(), EventJson.write(refused));
    KafkaProbe.send(Topics.REVIEW_EVENTS, collection.toString(), unknownType);

    List<String> parked =
        KafkaProbe.all(
                Topics.deadLetter("kernel-test"),
                r -> collection.toString().equals(r.key()),
                Duration.ofSeconds(15))
            .stream()
            .map(r -> r.value())
            .toList();
    assertTrue(parked.contains(unknownType), "the unknown type was parked");
    assertTrue(
        parked.stream().anyMatch(v -> v.contains(refused.eventId().toString())),
        "the refused event was parked");
    assertEquals(
        refusedBefore + 1, metric("gradphoto_consumer_dead_letters_total", "refused"), "refused");
    assertEquals(
        unknownBefore + 1,
        metric("gradphoto_consumer_dead_letters_total", "unknown-type"),
        "unknown type");
  }

  /** Sum of a Prometheus counter over its series (optionally those with the given reason). */
  private static double metric(String name, String... reason) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return text.lines()
        .filter(l -> l.startsWith(name + "{"))
        .filter(l -> reason.length == 0 || l.contains("reason=\"" + reason[0] + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void errors_are_problem_json_with_a_code_and_the_invalid_field() {
    given()
        .get("/test/problem")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("ALREADY_SUBMITTED"))
        .body("type", equalTo("urn:gradphoto:problem:already-submitted"))
        .body("detail", containsString("不能重复提交"))
        .body("instance", equalTo("/test/problem"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"\",\"tag\":\"toolong\"}")
        .post("/test/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("tag"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":")
        .post("/test/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given().get("/no/such/route").then().statusCode(404).contentType("application/problem+json");
  }

  private static EventEnvelope<ReviewPassed> passed(UUID collection) {
    return EventEnvelope.of(
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
  }

  private static int tally(UUID id) {
    return Integer.parseInt(
        given().get("/test/tally/" + id).then().statusCode(200).extract().asString());
  }

  private static long outboxTotal() {
    return Long.parseLong(
        given().get("/test/outbox/total").then().statusCode(200).extract().asString());
  }
}
