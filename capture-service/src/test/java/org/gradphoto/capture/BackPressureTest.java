package org.gradphoto.capture;

import static org.gradphoto.capture.CaptureTestSupport.asStudent;
import static org.gradphoto.capture.CaptureTestSupport.awaitPhase;
import static org.gradphoto.capture.CaptureTestSupport.grantEligibility;
import static org.gradphoto.capture.CaptureTestSupport.portrait;
import static org.gradphoto.capture.CaptureTestSupport.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.junit.jupiter.api.Test;

/**
 * With one worker and a queue of two (the test profile), a burst of uploads is partly refused with
 * 503 + Retry-After; the refused ones leave nothing behind and the accepted ones all finish.
 */
@QuarkusTest
class BackPressureTest {

  @Test
  void a_burst_beyond_the_queue_is_refused_with_retry_after_and_nothing_of_it_is_stored()
      throws Exception {
    CaptureTestSupport.awaitReady();
    UUID student = UUID.randomUUID();
    UUID collection = UUID.randomUUID();
    grantEligibility(collection, student, EligibilityGranted.PAY_AFTER_REVIEW, false);
    assertEquals("READY_TO_SHOOT", awaitPhase(student, collection, "READY_TO_SHOOT"));
    byte[] photo = portrait("idpass_2.jpg");

    int burst = 10;
    ExecutorService clients = Executors.newFixedThreadPool(burst);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> sent = new ArrayList<>();
    for (int i = 0; i < burst; i++) {
      sent.add(
          clients.submit(
              () -> {
                start.await();
                return upload(student, collection, photo);
              }));
    }
    start.countDown();
    int created = 0;
    int refused = 0;
    for (Future<Response> f : sent) {
      Response r = f.get();
      if (r.statusCode() == 201) {
        created++;
      } else {
        assertEquals(503, r.statusCode(), r.asString());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("STANDARDIZER_BUSY", r.jsonPath().getString("code"));
        assertTrue(r.jsonPath().getString("detail").contains("秒后重新上传"));
        assertTrue(Integer.parseInt(r.header("Retry-After")) > 0);
        refused++;
      }
    }
    clients.shutdown();
    assertTrue(refused > 0, "some uploads of the burst should have been refused");
    assertTrue(created >= 3, "one running and two queued uploads should have succeeded");
    int listed =
        asStudent(student)
            .get("/collections/" + collection + "/attempts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$")
            .size();
    assertEquals(created, listed);
    // original + standardized + cut-out per accepted upload, nothing for the refused ones
    assertEquals(3 * created, CaptureTestSupport.storedKeys(collection, 3 * created).size());
  }
}
