package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.asStudent;
import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.grantEligibility;
import static org.gradphoto.capture.CaptureTestSupport.portrait;
import static org.gradphoto.capture.CaptureTestSupport.publish;
import static org.gradphoto.capture.CaptureTestSupport.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gradphoto.capture.application.port.in.ExpireRenderingsUseCase;
import org.gradphoto.capture.config.CaptureConfig;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.testsupport.Eventually;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, item 5: one account cannot make the engine work without end (parallel uploads past the
 * hourly limit are refused before anything is decoded, and another account behind the same address
 * keeps its own budget); renderings of attempts that can no longer be submitted do not stay in the
 * bucket forever.
 */
@QuarkusTest
class ResourceLimitsAttackTest {
  @Inject CaptureConfig config;
  @Inject ExpireRenderingsUseCase expiry;

  @Test
  void parallel_uploads_of_one_account_beyond_its_hourly_limit_are_refused() throws Exception {
    CaptureTestSupport.awaitReady();
    awayFromTheHourBoundary();
    int limit = config.uploadsPerHour();
    UUID attacker = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, attacker, EligibilityGranted.PAY_AFTER_REVIEW, false);
    assertEquals("READY_TO_SHOOT", awaitPhase(attacker, collection, "READY_TO_SHOOT"));
    // Too small to be a photo: refused right after the count, so the test costs no engine time.
    byte[] junk = new byte[2048];

    int sent = limit + 10;
    ExecutorService clients = Executors.newFixedThreadPool(sent);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    for (int i = 0; i < sent; i++) {
      answers.add(
          clients.submit(
              () -> {
                start.await();
                return upload(attacker, collection, junk);
              }));
    }
    start.countDown();
    int evaluated = 0;
    int limited = 0;
    for (Future<Response> f : answers) {
      Response r = f.get();
      if (r.statusCode() == 429) {
        limited++;
        assertEquals("UPLOAD_LIMIT_REACHED", r.jsonPath().getString("code"));
        assertTrue(r.jsonPath().getString("detail").contains("已达上限"), r.asString());
        int retryAfter = Integer.parseInt(r.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
      } else {
        assertEquals(400, r.statusCode() / 100 * 100, r.asString());
        evaluated++;
      }
    }
    clients.shutdown();
    assertEquals(limit, evaluated, "uploads evaluated beyond the account's limit");
    assertEquals(10, limited);

    // The same address, another account: its own budget.
    UUID classmate = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    grantEligibility(other, classmate, EligibilityGranted.PAY_AFTER_REVIEW, false);
    assertEquals("READY_TO_SHOOT", awaitPhase(classmate, other, "READY_TO_SHOOT"));
    assertNotEquals(429, upload(classmate, other, junk).statusCode());
  }

  @Test
  void renderings_of_attempts_that_can_no_longer_be_submitted_are_deleted() {
    CaptureTestSupport.awaitReady();
    UUID student = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, false);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));
    String first = created(upload(student, collection, portrait("idpass_2.jpg")));
    String second = created(upload(student, collection, portrait("idpass_2.jpg")));
    Instant later = Instant.now().plus(config.abandonedRenderingsKeptFor()).plusSeconds(3600);

    // Original, spec photo and cut-out (written just after the answer) of each.
    assertEquals(
        6,
        Eventually.await(
            () -> CaptureTestSupport.storedKeys(collection).size(), 6, Duration.ofSeconds(20)));
    // Still capturing: every attempt may still be submitted, so nothing expires.
    expireAt(later);
    assertEquals(6, CaptureTestSupport.storedKeys(collection).size());

    asStudent(student)
        .post("/collections/" + collection + "/attempts/" + second + "/submit")
        .then()
        .statusCode(200);
    publish(
        Topics.REVIEW_EVENTS,
        new ReviewPassed(
            collection,
            UUID.fromString(second),
            UUID.randomUUID(),
            UUID.randomUUID(),
            CaptureTestSupport.SCHOOL,
            "r1",
            "key",
            Instant.now()),
        collection);
    assertEquals("PASSED", awaitPhase(student, collection, "PASSED"));

    // Not yet past the keeping time: kept.
    expireAt(Instant.now());
    assertEquals(6, CaptureTestSupport.storedKeys(collection).size());

    expireAt(later);
    List<String> keys = CaptureTestSupport.storedKeys(collection);
    assertEquals(4, keys.size(), "left: " + keys);
    assertTrue(
        keys.stream().filter(k -> k.contains(first)).allMatch(k -> k.startsWith("originals/")));
    assertEquals(3, keys.stream().filter(k -> k.contains(second)).count());
    assertNull(attempt(student, collection, first).jsonPath().get("preview"));
    assertNotNull(attempt(student, collection, second).jsonPath().get("preview"));
  }

  private void expireAt(Instant now) {
    try {
      VertxContextSupport.subscribeAndAwait(() -> expiry.expire(now));
    } catch (Throwable e) {
      throw new AssertionError("expiry round failed", e);
    }
  }

  private static String created(Response r) {
    r.then().statusCode(201);
    return r.jsonPath().getString("attemptId");
  }

  private static Response attempt(UUID student, UUID collection, String id) {
    Response r = asStudent(student).get("/collections/" + collection + "/attempts/" + id);
    r.then().statusCode(200);
    return r;
  }

  /** The limit is per clock hour: a burst across the hour would be counted in two. */
  private static void awayFromTheHourBoundary() throws InterruptedException {
    Instant now = Instant.now();
    Duration left =
        Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
    if (left.toSeconds() < 90) {
      Thread.sleep(left.plusSeconds(2).toMillis());
    }
  }
}
