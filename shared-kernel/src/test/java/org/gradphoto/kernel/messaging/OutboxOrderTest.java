package org.gradphoto.kernel.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.testsupport.KafkaProbe;
import org.gradphoto.testsupport.RealInfrastructure;
import org.gradphoto.testsupport.RealPostgres;
import org.junit.jupiter.api.Test;

/**
 * Two relays (the application's scheduled one and a second instance standing in for another
 * replica) drain one outbox while one key's first event can never be sent (a record over Kafka's
 * size limit): every other key arrives complete and in commit order, the blocked key sends nothing
 * after its failing event, the failing row stops at the attempt cap and is counted as stuck, and
 * once repaired its key drains in order.
 */
@QuarkusTest
@QuarkusTestResource(
    value = RealInfrastructure.class,
    initArgs = {
      @ResourceArg(name = "database", value = "kernel"),
      @ResourceArg(name = "s3", value = "false")
    })
class OutboxOrderTest {
  private static final String TOPIC = "gradphoto.kernel-test.order";
  private static final int KEYS = 12;
  private static final int PER_KEY = 8;

  @Inject Pool pool;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void each_key_arrives_in_commit_order_across_two_relays_and_a_failing_row_stops_only_its_key()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    OutboxRelay second =
        new OutboxRelay(
            pool,
            Map.of("bootstrap.servers", bootstrap),
            5,
            3,
            Duration.ofMillis(200),
            new SimpleMeterRegistry());
    Map<String, List<String>> expected = new LinkedHashMap<>();
    String blocked = run + "-blocked";
    UUID tooLarge;
    UUID afterIt;
    try (Connection c = jdbc()) {
      // Interleaved, as concurrent transactions commit them.
      for (int i = 0; i < PER_KEY; i++) {
        for (int k = 0; k < KEYS; k++) {
          String key = run + "-k" + k;
          String value = key + "#" + i;
          expected.computeIfAbsent(key, x -> new ArrayList<>()).add(value);
          insert(c, key, value);
        }
      }
      tooLarge = insert(c, blocked, "x".repeat(2 * 1024 * 1024));
      afterIt = insert(c, blocked, blocked + "#after");
    }

    // Both relays race until every ordinary row is sent.
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (unsent(run + "-k") > 0) {
      assertTrue(System.nanoTime() < deadline, "the ordinary rows were not all sent");
      Uni.join()
          .all(second.relayOnce(), second.relayOnce())
          .andCollectFailures()
          .await()
          .indefinitely();
    }
    // ... and until the failing row has used up its attempts.
    while (attempts(tooLarge) < 3) {
      assertTrue(System.nanoTime() < deadline, "the failing row did not reach the cap");
      second.relayOnce().await().indefinitely();
      Thread.sleep(100);
    }

    Map<String, List<String>> arrived = arrivals(run, KEYS * PER_KEY);
    for (var key : expected.entrySet()) {
      assertEquals(key.getValue(), arrived.get(key.getKey()), "order of " + key.getKey());
    }
    assertEquals(null, arrived.get(blocked), "nothing of the blocked key was sent");
    assertEquals(2, unsent(blocked), "the failing row and the one after it wait");
    assertEquals(0, attempts(afterIt), "the row after the failing one was never tried");
    assertTrue(second.countStuck().await().indefinitely() >= 1, "the capped row is stuck");
    Thread.sleep(1500);
    assertTrue(metric("gradphoto_outbox_stuck") >= 1, "the stuck gauge shows it");

    // An operator repairs the row (here: a message Kafka accepts) and resets its attempts.
    try (Connection c = jdbc();
        PreparedStatement fix =
            c.prepareStatement(
                "update outbox_event set message = ?, attempts = 0, locked_until = null where"
                    + " event_id = ?")) {
      fix.setString(1, blocked + "#first");
      fix.setObject(2, tooLarge);
      fix.executeUpdate();
    }
    while (unsent(blocked) > 0) {
      assertTrue(System.nanoTime() < deadline, "the repaired key did not drain");
      second.relayOnce().await().indefinitely();
    }
    assertEquals(
        List.of(blocked + "#first", blocked + "#after"),
        arrivals(run, KEYS * PER_KEY + 2).get(blocked),
        "the repaired key drains in order");
  }

  private static Map<String, List<String>> arrivals(String run, int atLeast) {
    Map<String, List<String>> arrived = new HashMap<>();
    var records =
        KafkaProbe.all(
            TOPIC, r -> r.key() != null && r.key().startsWith(run), Duration.ofSeconds(10));
    for (var r : records) {
      List<String> values = arrived.computeIfAbsent(r.key(), x -> new ArrayList<>());
      // At-least-once: a value sent again after a lost acknowledgement may repeat; order may not.
      if (!values.contains(r.value())) {
        values.add(r.value());
      }
    }
    assertTrue(records.size() >= atLeast, "records arrived: " + records.size());
    return arrived;
  }

  private static UUID insert(Connection c, String key, String value) throws Exception {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into outbox_event (event_id, topic, message_key, type, message, created_at,"
                + " attempts) values (?, ?, ?, 'OrderProbe', ?, now(), 0)")) {
      s.setObject(1, id);
      s.setString(2, TOPIC);
      s.setString(3, key);
      s.setString(4, value);
      s.executeUpdate();
    }
    return id;
  }

  private static long unsent(String keyPrefix) throws Exception {
    try (Connection c = jdbc();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from outbox_event where published_at is null and message_key like"
                    + " ?")) {
      s.setString(1, keyPrefix + "%");
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static int attempts(UUID id) throws Exception {
    try (Connection c = jdbc();
        PreparedStatement s =
            c.prepareStatement("select attempts from outbox_event where event_id = ?")) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static double metric(String name) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return text.lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static Connection jdbc() throws Exception {
    return DriverManager.getConnection(RealPostgres.jdbcUrl("kernel"), "postgres", "postgres");
  }
}
