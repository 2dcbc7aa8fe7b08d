package org.gradphoto.load;

import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Issue #17's load test: students walk the whole journey through the gateway — WeChat login,
 * eligibility, payment confirmed in WeChat, a 12 MP upload answered with its preview, the
 * preview, submit — while a reviewer passes what comes in; then each student downloads the
 * standard photo. Nothing is stubbed: the services run their production WeChat adapters against the
 * platform's local WeChat, and the WeChat steps go to it, as a phone's WeChat would.
 *
 * <p>Students arrive evenly ({@code -Djourneys=1000 -Dminutes=10}). A journey waits where a real
 * client waits — for a service to learn of a collection or a payment by its event (404/402), for
 * a busy standardizer (503, Retry-After), for the review — and those waits are named requests of
 * their own, so each step's figures are its own. The run fails (Gatling assertions) on any
 * failed request, on a journey that did not end with its photo, and on a step other than the
 * upload with p95 over 1 s.
 */
public class StudentJourneySimulation extends Simulation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY = Duration.ofMillis(500);
  private static final Duration REVIEW_POLL = Duration.ofSeconds(2);

  /** The steps with the 1 s target (upload → preview is measured, not held to it). */
  private static final List<String> STEPS =
      List.of(
          "identity: WeChat login",
          "identity: eligibility",
          "payment: pay",
          "capture: preview image",
          "capture: submit",
          "delivery: standard photo link",
          "delivery: standard photo file");

  private final LoadSettings settings = LoadSettings.fromSystemProperties();
  private final LoadBatch batch =
      LoadBatch.create(settings, StaffSignIn.accessToken(settings, "schooladmin", "schooladmin"));
  private final ReviewerToken reviewer = new ReviewerToken(settings);
  private final List<byte[]> photos = photos();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final LoadSampler load = new LoadSampler();
  private final Instant deadline;

  public StudentJourneySimulation() {
    deadline = Instant.now().plus(settings.arrivals()).plus(settings.patience());
    HttpProtocolBuilder protocol =
        http.baseUrl(settings.gateway())
            .acceptHeader("application/json")
            .userAgentHeader("gradphoto-load-test");

    ScenarioBuilder students =
        scenario("student journey")
            .feed(batch.students().iterator())
            .exitBlockOnFail()
            .on(
                exec(login())
                    .exec(eligibility())
                    .exec(pay())
                    .exec(uploadAndSubmit())
                    .exec(awaitReview())
                    .exec(download())
                    .exec(
                        session -> {
                          if (!session.isFailed()) {
                            completed.incrementAndGet();
                          }
                          return session;
                        }))
            // A journey that failed has ended too: the reviewer stops once every journey has.
            .exec(
                session -> {
                  ended.incrementAndGet();
                  return session;
                });

    ScenarioBuilder reviewing =
        scenario("reviewer")
            .asLongAs(session -> ended.get() < settings.journeys() && Instant.now().isBefore(deadline))
            .on(reviewOne());

    List<Assertion> assertions = new ArrayList<>();
    assertions.add(global().failedRequests().count().is(0L));
    assertions.add(
        details("delivery: standard photo file").successfulRequests().count().is((long) settings.journeys()));
    STEPS.forEach(step -> assertions.add(details(step).responseTime().percentile(95.0).lt(1000)));

    setUp(
            students.injectOpen(rampUsers(settings.journeys()).during(settings.arrivals())),
            reviewing.injectOpen(atOnceUsers(settings.reviewers())))
        .protocols(protocol)
        .maxDuration(settings.arrivals().plus(settings.patience()).plusMinutes(1))
        .assertions(assertions);
  }

  @Override
  public void before() {
    System.out.printf(
        "load test: %d journeys over %s through %s (%s), batch %s (run %s); load average before: %s%n",
        settings.journeys(),
        settings.arrivals(),
        settings.gateway(),
        requireLocalWechat(settings),
        batch.id(),
        batch.run(),
        LoadSampler.loadAverage());
    load.start();
  }

  @Override
  public void after() {
    load.stop();
    System.out.printf(
        "load test: %d of %d journeys completed (photo downloaded), %d ended without; %s%n",
        completed.get(), settings.journeys(), ended.get() - completed.get(), load.summary());
  }

  // ------------------------------------------------------------------ the student's steps

  private ChainBuilder login() {
    ChainBuilder code =
        exec(
            http("wechat: login code")
                .post("/api/local-wechat/login-codes")
                .body(StringBody("{\"openid\":\"#{openid}\"}"))
                .asJson()
                .check(jsonPath("$.code").saveAs("code")));
    return code.exec(
        http("identity: WeChat login")
            .post("/api/identity/auth/wechat-login")
            .body(StringBody("{\"code\":\"#{code}\"}"))
            .asJson()
            .check(jsonPath("$.accessToken").saveAs("token")));
  }

  private ChainBuilder eligibility() {
    return exec(
        http("identity: eligibility")
            .post("/api/identity/eligibility/by-school")
            .header("Authorization", "Bearer #{token}")
            .body(
                StringBody(
                    "{\"schoolCode\":\"" + settings.schoolCode() + "\",\"name\":\"#{name}\","
                        + "\"idNumber\":\"#{idNumber}\",\"batchId\":\"" + batch.id() + "\"}"))
            .asJson()
            .check(jsonPath("$.collectionId").saveAs("collectionId")));
  }

  private ChainBuilder pay() {
    ChainBuilder prepay =
        untilAnswered(
            http(named("payment: pay", "payment: pay (collection not known yet)"))
                    .post("/api/payment/collections/#{collectionId}/order/pay")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().in(200, 201, 404).saveAs("status"))
                    .checkIf((r, x) -> r.status().code() != 404)
                    .then(bodyString().saveAs("prepay"), jsonPath("$.orderId").saveAs("orderId")),
            404);
    ChainBuilder confirm =
        exec(
            http("wechat: confirm payment")
                .post("/api/local-wechat/request-payment")
                .body(StringBody(StudentJourneySimulation::confirmation))
                .asJson()
                .check(status().in(200, 201, 204)));
    return prepay.exec(confirm);
  }

  private ChainBuilder uploadAndSubmit() {
    String upload = "capture: upload → preview";
    String waiting = "capture: upload (payment or collection not known yet)";
    String busy = "capture: upload (standardizer busy, 503)";
    ChainBuilder send =
        exec(session -> session.set("status", 0).set("tries", 0))
            .asLongAs(
                session ->
                    !List.of(200, 201).contains(session.getInt("status"))
                        && session.getInt("tries") < 120)
            .on(
                exec(http(s -> switch (s.getInt("status")) {
                          case 0 -> upload;
                          case 503 -> busy;
                          default -> waiting;
                        })
                        .post("/api/capture/collections/#{collectionId}/attempts")
                        .header("Authorization", "Bearer #{token}")
                        .bodyPart(
                            ByteArrayBodyPart("photo", s -> photos.get((int) (s.userId() % photos.size())))
                                .fileName("IMG_0001.jpg")
                                .contentType("image/jpeg"))
                        .asMultipartForm()
                        .check(status().in(200, 201, 402, 404, 503).saveAs("status"))
                        .checkIf((r, s) -> r.status().code() < 300)
                        .then(
                            jsonPath("$.attemptId").saveAs("attemptId"),
                            jsonPath("$.submittable").is("true"),
                            jsonPath("$.preview.standardizedUrl").saveAs("previewUrl")))
                    .exec(session -> session.set("tries", session.getInt("tries") + 1))
                    .doIf(session -> !List.of(200, 201).contains(session.getInt("status")))
                    .then(pause(session -> session.getInt("status") == 503 ? Duration.ofSeconds(2) : RETRY)));
    return send.exec(
            http("capture: preview image")
                .get("#{previewUrl}")
                .header("Accept", "image/*")
                .check(header("Content-Type").is("image/jpeg")))
        .exec(
            http("capture: submit")
                .post("/api/capture/collections/#{collectionId}/attempts/#{attemptId}/submit")
                .header("Authorization", "Bearer #{token}")
                .check(status().in(200, 201, 202, 204)));
  }

  private ChainBuilder awaitReview() {
    return exec(session -> session.set("collectionStatus", ""))
        .asLongAs(
            session ->
                !"COMPLETED".equals(session.getString("collectionStatus"))
                    && Instant.now().isBefore(deadline))
        .on(
            pause(REVIEW_POLL)
                .exec(
                    http("identity: collection (waiting for the review)")
                        .get("/api/identity/students/me/collections/#{collectionId}")
                        .header("Authorization", "Bearer #{token}")
                        .check(jsonPath("$.status").saveAs("collectionStatus"))));
  }

  private ChainBuilder download() {
    return untilAnswered(
            http(named("delivery: standard photo link", "delivery: standard photo link (completion not known yet)"))
                    .get("/api/delivery/students/me/collections/#{collectionId}/downloads/standard-photo")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().in(200, 404, 409).saveAs("status"))
                    .checkIf((r, x) -> r.status().code() == 200)
                    .then(jsonPath("$.url").saveAs("photoUrl")),
            404,
            409)
        // Never answered with a link: the journey fails here, by name, instead of asking for a
        // link it does not have.
        .doIfOrElse(session -> session.contains("photoUrl"))
        .then(
            exec(
                http("delivery: standard photo file")
                    .get("#{photoUrl}")
                    .header("Accept", "image/*")
                    .check(header("Content-Type").is("image/jpeg"))))
        .orElse(exec(Session::markAsFailed));
  }

  /**
   * Sends a request until it is answered with something else than the waiting statuses (a
   * service that has not yet heard an event), at most 120 times, half a second apart. The request
   * names itself from the session's {@code again}, so repeats are counted under a name of their
   * own.
   */
  private static ChainBuilder untilAnswered(HttpRequestActionBuilder request, Integer... waiting) {
    List<Integer> waits = List.of(waiting);
    return exec(session -> session.set("again", false).set("status", 0).set("tries", 0))
        .asLongAs(
            session ->
                (session.getInt("status") == 0 || waits.contains(session.getInt("status")))
                    && session.getInt("tries") < 120)
        .on(
            exec(session -> session.set("again", session.getInt("tries") > 0))
                .exec(request)
                .exec(session -> session.set("tries", session.getInt("tries") + 1))
                .doIf(session -> waits.contains(session.getInt("status")))
                .then(pause(RETRY)));
  }

  private static Function<Session, String> named(String first, String again) {
    return session -> session.getBoolean("again") ? again : first;
  }

  // ------------------------------------------------------------------ the reviewer

  private ChainBuilder reviewOne() {
    return exec(
            http("review: claim next")
                .post("/api/review/staff/queue/next?batch=" + batch.id())
                .header("Authorization", s -> "Bearer " + reviewer.current())
                .check(status().in(200, 204).saveAs("claimed"))
                .checkIf((r, s) -> r.status().code() == 200)
                .then(jsonPath("$.id").saveAs("taskId")))
        .doIfOrElse(session -> session.getInt("claimed") == 200)
        .then(
            exec(
                http("review: pass")
                    .post("/api/review/staff/tasks/#{taskId}/decision")
                    .header("Authorization", s -> "Bearer " + reviewer.current())
                    .body(StringBody("{\"outcome\":\"PASS\"}"))
                    .asJson()))
        .orElse(pause(Duration.ofSeconds(1)));
  }

  // ------------------------------------------------------------------ set-up

  private static String confirmation(Session session) {
    try {
      ObjectNode prepay = (ObjectNode) JSON.readTree(session.getString("prepay"));
      ObjectNode answer = JSON.createObjectNode();
      Stream.of("appId", "timeStamp", "nonceStr", "package", "signType", "paySign")
          .forEach(k -> answer.set(k, prepay.get(k)));
      answer.put("action", "confirm");
      return JSON.writeValueAsString(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The platform's local WeChat, through the gateway; without it no student can log in or pay
   * (there are no sandboxes), so the run stops before it starts.
   */
  private static String requireLocalWechat(LoadSettings s) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(s.gateway() + "/api/local-wechat/login-codes"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"openid\":\"load-test-probe\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300
          || !r.headers().firstValue("Content-Type").orElse("").contains("json")) {
        throw new IllegalStateException(
            "the gateway "
                + s.gateway()
                + " has no local WeChat (/api/local-wechat/login-codes answered "
                + r.statusCode()
                + "): start the platform with deploy/local/up");
      }
      return "local WeChat: production adapters";
    } catch (IOException e) {
      throw new UncheckedIOException("the gateway " + s.gateway() + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<byte[]> photos() {
    // run from the repository root (mvn -f load-test/pom.xml) or from load-test/
    Path portrait =
        Stream.of(
                System.getProperty("portrait", ""),
                "student-app/e2e/fixtures/portrait.jpg",
                "../student-app/e2e/fixtures/portrait.jpg")
            .filter(p -> !p.isEmpty())
            .map(Path::of)
            .filter(Files::isRegularFile)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no portrait found (-Dportrait=…)"));
    try {
      List<byte[]> made = new ArrayList<>();
      for (long seed = 1; seed <= 4; seed++) {
        made.add(PhonePhoto.twelveMegapixels(portrait, System.nanoTime() ^ seed));
      }
      return List.copyOf(made);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
