package org.gradphoto.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #17's kill-and-recover scenario, inside {@code mvn verify}: while six students walk the
 * journey through the gateway, capture-service is killed with SIGKILL during their uploads,
 * review-service during a reviewer's decision and delivery-service while the students wait for
 * their downloads; each is started again by {@code deploy/local/up}. Afterwards every journey has
 * completed and the databases show nothing lost or doubled: one paid order and one attempt per
 * collection, one review task per submitted attempt, one package with one PhotosDelivered, every
 * outbox row sent, no dead letter parked since the scenario began.
 *
 * <p>With {@code -Dgradphoto.faults=full} (on demand, see the README) the same journeys also meet:
 * identity-service killed during the logins, payment-service during the payments, Kafka restarted
 * while submissions are on their way, PostgreSQL restarted (fast shutdown) between two decisions,
 * S3 stopped for 30 s while students wait for their downloads, and delivery-service killed right
 * after the school asked for the package (the build may be under way or not have begun).
 */
@Order(5)
@ExtendWith(PlatformLogsOnFailure.class)
class FaultRecoveryIT {
  private static final int STUDENTS = 6;
  private static final String SCHOOL = "10999";
  private static final Path RUN = Platform.REPO.resolve(".local/run");
  private static final boolean FULL = "full".equals(System.getProperty("gradphoto.faults"));
  private static final ExecutorService PHONES = Executors.newFixedThreadPool(STUDENTS + 2);

  @AfterAll
  static void everyServiceRunsAgain() throws Exception {
    PHONES.shutdownNow();
    // Whatever happened above, the next test class finds the whole platform up.
    restartMissingServices();
  }

  @Test
  void every_journey_completes_when_services_are_killed_mid_work() throws Exception {
    Instant began = Instant.now();
    String admin = Platform.staffToken("schooladmin", "schooladmin");
    String run = Long.toString(System.currentTimeMillis() % 46_656_000L, 36).toUpperCase();
    List<ApiStudent> students = new ArrayList<>();
    for (int i = 0; i < STUDENTS; i++) {
      students.add(
          new ApiStudent(
              "fault-" + run + "-" + i, "故障" + "甲乙丙丁戊己".charAt(i), residentId(i, run.hashCode())));
    }
    String batchId = createBatch(admin, run, students);
    byte[] portrait =
        Files.readAllBytes(Platform.REPO.resolve("student-app/e2e/fixtures/portrait.jpg"));

    CountDownLatch firstLogin = new CountDownLatch(1);
    CountDownLatch firstPayment = new CountDownLatch(1);
    List<CompletableFuture<Void>> signUps =
        each(
            students,
            s -> {
              s.logIn();
              firstLogin.countDown();
              s.proveEligibility(SCHOOL, batchId);
              s.pay();
              firstPayment.countDown();
            });
    if (FULL) {
      // identity-service dies while students log in, payment-service while they pay.
      awaitFirst(firstLogin, signUps);
      kill("identity-service");
      restartMissingServices();
      awaitFirst(firstPayment, signUps);
      kill("payment-service");
      restartMissingServices();
    }
    join(signUps);

    // capture-service dies while uploads are being standardized.
    CountDownLatch firstPreview = new CountDownLatch(1);
    List<CompletableFuture<Void>> uploads =
        each(
            students,
            s -> {
              s.upload(portrait);
              firstPreview.countDown();
              s.submit();
            });
    awaitFirst(firstPreview, uploads);
    kill("capture-service");
    restartMissingServices();
    if (FULL) {
      // Kafka goes away while the submissions' events are on their way.
      stop("kafka", "TERM");
      restartMissingServices();
    }
    join(uploads);

    // review-service dies with a decision in flight; the reviewer carries on after the restart.
    String reviewer = Platform.staffToken("reviewer", "reviewer");
    List<CompletableFuture<byte[]>> downloads = new ArrayList<>();
    for (ApiStudent s : students) {
      downloads.add(CompletableFuture.supplyAsync(s::downloadStandardPhoto, PHONES));
    }
    CompletableFuture<Void> everyDownload =
        CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new));
    int decisions = 0;
    boolean reviewKilled = false;
    boolean deliveryKilled = false;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
    while (!everyDownload.isDone() && Instant.now().isBefore(deadline)) {
      if (!deliveryKilled && downloads.stream().anyMatch(CompletableFuture::isDone)) {
        // delivery-service dies while the rest of the class waits for its photos.
        kill("delivery-service");
        restartMissingServices();
        deliveryKilled = true;
        if (FULL) {
          // S3 is away for 30 s while they keep asking.
          stop("s3proxy", "KILL");
          ApiStudent.sleep(Duration.ofSeconds(30));
          restartMissingServices();
        }
      }
      ApiStudent.Answer next =
          ApiStudent.send(
              ApiStudent.json(
                  "POST", "/api/review/staff/queue/next?batch=" + batchId, reviewer, ""));
      if (next.status() != 200) {
        ApiStudent.sleep(Duration.ofSeconds(1));
        continue;
      }
      HttpRequest.Builder pass =
          ApiStudent.json(
              "POST",
              "/api/review/staff/tasks/" + next.json().path("id").asText() + "/decision",
              reviewer,
              "{\"outcome\":\"PASS\"}");
      decisions++;
      if (!reviewKilled && decisions == 2) {
        CompletableFuture<ApiStudent.Answer> inFlight =
            CompletableFuture.supplyAsync(() -> ApiStudent.send(pass), PHONES);
        ApiStudent.sleep(Duration.ofMillis(30));
        kill("review-service");
        inFlight.join();
        restartMissingServices();
        reviewKilled = true;
      } else if (FULL && decisions == 4) {
        // PostgreSQL restarts (fast shutdown: every connection dropped) with a decision sent.
        ApiStudent.send(pass);
        stop("postgres", "INT");
        restartMissingServices();
      } else {
        ApiStudent.send(pass);
      }
    }
    join(downloads);
    assertTrue(reviewKilled && deliveryKilled, "every planned kill happened");
    for (CompletableFuture<byte[]> d : downloads) {
      byte[] jpeg = d.join();
      assertTrue(jpeg.length > 1000 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8);
    }

    String packageId = buildPackage(admin, batchId);
    String collections =
        students.stream().map(s -> "'" + s.collectionId + "'").collect(Collectors.joining(","));
    assertEquals(
        STUDENTS + "|" + STUDENTS,
        sql(
            "payment",
            "select count(*), count(distinct collection_id) from payment_order"
                + " where batch_id = '"
                + batchId
                + "' and state = 'PAID'"),
        "one paid order per collection");
    assertEquals(
        STUDENTS + "|" + STUDENTS,
        sql(
            "capture",
            "select count(*), count(distinct collection_id) from capture_attempt"
                + " where collection_id in ("
                + collections
                + ")"),
        "one attempt per collection: a retried upload never made a second");
    assertEquals(
        STUDENTS + "|" + STUDENTS + "|" + STUDENTS,
        sql(
            "review",
            "select count(*), count(distinct attempt_id), count(*) filter (where outcome = 'PASS')"
                + " from review_task where batch_id = '"
                + batchId
                + "'"),
        "one review task per submitted attempt, each passed once");
    assertEquals(
        "1",
        sql(
            "delivery",
            "select count(*) from outbox_event where type = 'PhotosDelivered'"
                + " and message_key = '"
                + packageId
                + "'"),
        "PhotosDelivered once for the package");
    everyOutboxRowSent();
    noDeadLetterSince(began);
  }

  // ------------------------------------------------------------------ the platform

  /** SIGKILL: no shutdown hook, no graceful drain, as when a node dies. */
  private static void kill(String service) throws IOException {
    long pid = Long.parseLong(Files.readString(RUN.resolve(service + ".pid")).trim());
    ProcessHandle process =
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(service + " is not running"));
    System.out.printf("[e2e] kill -9 %s (pid %d)%n", service, pid);
    process.destroyForcibly();
    process.onExit().join();
  }

  /** A store of the platform is stopped by a signal, as a restart or a crash does. */
  private static void stop(String process, String signal) throws Exception {
    long pid = Long.parseLong(Files.readString(RUN.resolve(process + ".pid")).trim());
    System.out.printf("[e2e] kill -%s %s (pid %d)%n", signal, process, pid);
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill " + process);
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
  }

  /** {@code deploy/local/up} starts what is not running and waits until it is ready. */
  private static void restartMissingServices() throws Exception {
    Platform.run(
        "restart",
        Platform.REPO,
        Map.of(),
        Duration.ofMinutes(6),
        Platform.REPORTS.resolve("fault-recovery-up.log"),
        "deploy/local/up");
  }

  /** One value per line, columns joined by |, from a service's own database. */
  private static String sql(String db, String query) throws Exception {
    Process p =
        new ProcessBuilder("deploy/local/psql", db, "-At", "-c", query)
            .directory(Platform.REPO.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, db + ": " + out);
    return out;
  }

  private static void everyOutboxRowSent() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    for (String db : List.of("identity", "payment", "capture", "review", "delivery")) {
      String unsent;
      do {
        unsent = sql(db, "select count(*) from outbox_event where published_at is null");
        if (!"0".equals(unsent)) {
          ApiStudent.sleep(Duration.ofSeconds(2));
        }
      } while (!"0".equals(unsent) && Instant.now().isBefore(deadline));
      assertEquals("0", unsent, db + ": outbox rows never sent");
    }
  }

  private static void noDeadLetterSince(Instant began) {
    String operator = Platform.staffToken("operator", "operator");
    for (String svc : List.of("identity", "payment", "capture", "review", "delivery")) {
      ApiStudent.Answer a =
          ApiStudent.until(
              () -> ApiStudent.json("GET", "/api/" + svc + "/ops/dead-letters", operator, null),
              200);
      List<String> parked = new ArrayList<>();
      for (JsonNode e : a.json()) {
        if (Instant.parse(e.path("parkedAt").asText()).isAfter(began)) {
          parked.add(e.path("type").asText() + "@" + e.path("topic").asText());
        }
      }
      assertEquals(List.of(), parked, svc + ": dead letters parked during the scenario");
    }
  }

  // ------------------------------------------------------------------ the school

  private static String createBatch(String admin, String run, List<ApiStudent> students) {
    Instant now = Instant.now();
    String body =
        """
        {"schoolCode":"%s","name":"故障恢复 %s","opensAt":"%s","closesAt":"%s","priceFen":2500,
         "paymentPolicy":"PAY_BEFORE_CAPTURE","specProfile":"chsi-graduation",
         "eligibilityModes":["SCHOOL_NAME_ID"],"reviewPromise":"PT24H",
         "backgroundColours":["blue"],"uploadMinBytes":20000,"uploadMaxBytes":10000000}
        """
            .formatted(SCHOOL, run, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    String batchId =
        ApiStudent.until(
                () ->
                    ApiStudent.json(
                        "POST", "/api/identity/schools/" + SCHOOL + "/batches", admin, body),
                201)
            .json()
            .path("id")
            .asText();
    StringBuilder csv = new StringBuilder("院校代码,院校名称,学号,姓名,证件类型,证件号码,手机号,学信网图像采集码,学历层次\n");
    for (int i = 0; i < students.size(); i++) {
      ApiStudent s = students.get(i);
      csv.append(
          String.join(
              ",", SCHOOL, "示范大学", "F" + run + i, s.name, "居民身份证", s.idNumber, "", "", "本科\n"));
    }
    String boundary = "e2e-roster-" + run;
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    JsonNode report =
        ApiStudent.until(
                () ->
                    ApiStudent.request("/api/identity/batches/" + batchId + "/roster", admin)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                            HttpRequest.BodyPublishers.ofByteArray(
                                multipart.getBytes(StandardCharsets.UTF_8))),
                200)
            .json();
    assertTrue(!report.toString().contains("\"errors\":[{"), report.toString());
    return batchId;
  }

  private static String buildPackage(String admin, String batchId) {
    String packageId =
        ApiStudent.until(
                () ->
                    ApiStudent.json(
                        "POST",
                        "/api/delivery/schools/" + SCHOOL + "/batches/" + batchId + "/packages",
                        admin,
                        "{\"naming\":\"STUDENT_NUMBER\"}"),
                202)
            .json()
            .path("packageId")
            .asText();
    if (FULL) {
      // delivery-service dies while it builds the package; another start takes the build over.
      try {
        kill("delivery-service");
        restartMissingServices();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    JsonNode ready =
        ApiStudent.until(
                () -> ApiStudent.json("GET", "/api/delivery/packages/" + packageId, admin, null),
                a -> a.status() == 200 && a.body().contains("\"READY\""))
            .json();
    assertEquals(STUDENTS, ready.path("photoCount").asInt(), ready.toString());
    return packageId;
  }

  /** A made-up resident ID number with a correct GB 11643 check character. */
  private static String residentId(int i, int salt) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    String first17 =
        "110105"
            + (1998 + Math.floorMod(salt, 5))
            + String.format(
                "%02d%02d%03d", 1 + Math.floorMod(salt, 12), 1 + i, Math.floorMod(salt, 1000));
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += (first17.charAt(k) - '0') * weights[k];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  // ------------------------------------------------------------------ the phones

  interface Step {
    void on(ApiStudent s) throws Exception;
  }

  private static List<CompletableFuture<Void>> each(List<ApiStudent> students, Step step) {
    return students.stream()
        .map(
            s ->
                CompletableFuture.runAsync(
                    () -> {
                      try {
                        step.on(s);
                      } catch (Exception e) {
                        throw new AssertionError(s.openid + ": " + e, e);
                      }
                    },
                    PHONES))
        .toList();
  }

  /** Waits for the latch, but reports at once a phone whose step failed before it opened. */
  private static void awaitFirst(CountDownLatch latch, List<CompletableFuture<Void>> steps)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (!latch.await(1, TimeUnit.SECONDS)) {
      for (CompletableFuture<Void> f : steps) {
        if (f.isCompletedExceptionally()) {
          f.join();
        }
      }
      assertTrue(Instant.now().isBefore(deadline), "no upload answered before the kill");
    }
  }

  private static void all(List<ApiStudent> students, Step step) {
    join(each(students, step));
  }

  private static <T> void join(List<CompletableFuture<T>> futures) {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
  }
}
