package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.gradphoto.identity.Fixtures.Student;
import org.gradphoto.testsupport.LocalWeChatControl;
import org.junit.jupiter.api.Test;

/**
 * Attacks on eligibility as an oracle for ID numbers (issue #16, item 2): the answers to a guess
 * that matches nothing and to one that matches an entry refused for any reason must be the same in
 * status, body and time; parallel guesses must not slip past the limits; an entry without a phone
 * cannot be taken in mode C with any phone.
 */
@QuarkusTest
class EligibilityOracleAttackTest {
  private static final String ALL = "SCHOOL_NAME_ID,CHSI_CODE,ID_AND_PHONE";

  /** A client address of its own per test, as the gateway would forward it. */
  private static String newClient() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(250));
  }

  private static Response byChsi(Student s, String client, String code, String lastFour) {
    return given()
        .header("X-Forwarded-For", client)
        .auth()
        .oauth2(s.token())
        .contentType(ContentType.JSON)
        .body(Map.of("chsiCode", code, "idLastFour", lastFour))
        .post("/eligibility/by-chsi-code");
  }

  private static Response bySchool(
      Student s, String client, String school, String name, String id) {
    return given()
        .header("X-Forwarded-For", client)
        .auth()
        .oauth2(s.token())
        .contentType(ContentType.JSON)
        .body(Map.of("schoolCode", school, "name", name, "idNumber", id))
        .post("/eligibility/by-school");
  }

  /** Status and body of a no-match answer, without the request path. */
  private static String shape(Response r) {
    Map<String, Object> body = new java.util.TreeMap<>(r.jsonPath().getMap(""));
    body.remove("instance");
    return r.statusCode() + " " + body;
  }

  @Test
  void every_refusal_after_a_match_answers_exactly_like_an_unknown_code_and_no_sooner() {
    String client = newClient();
    String school = Fixtures.newSchool("神谕测试学院");
    UUID open = Fixtures.openBatch(school, List.of(ALL.split(",")));
    UUID onlyA = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    UUID closed =
        Fixtures.batch(
            school,
            List.of(ALL.split(",")),
            Instant.now().minus(Duration.ofDays(30)),
            Instant.now().minus(Duration.ofDays(20)));
    String bound = Fixtures.residentId();
    String past = Fixtures.residentId();
    String modeA = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            open,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "神谕测试学院", "O1", "甲", bound, "", "ORC-" + school + "-1"))
        .then()
        .statusCode(200);
    Fixtures.importCsv(
            Fixtures.operator(),
            closed,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "神谕测试学院", "O2", "乙", past, "", "ORC-" + school + "-2"))
        .then()
        .statusCode(200);
    Fixtures.importCsv(
            Fixtures.operator(),
            onlyA,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "神谕测试学院", "O3", "丙", modeA, "", "ORC-" + school + "-3"))
        .then()
        .statusCode(200);
    // The rightful owner takes entry O1 first.
    byChsi(Fixtures.student(), client, "ORC-" + school + "-1", last4(bound)).then().statusCode(201);

    Student attacker = Fixtures.student();
    List<Response> answers =
        List.of(
            byChsi(attacker, client, "ORC-" + school + "-404", "1234"), // no such code
            byChsi(attacker, client, "ORC-" + school + "-1", last4(bound)), // bound to another
            byChsi(attacker, client, "ORC-" + school + "-2", last4(past)), // window closed
            byChsi(attacker, client, "ORC-" + school + "-3", last4(modeA)), // mode not offered
            byChsi(attacker, client, "ORC-" + school + "-1", "0000")); // wrong last four
    String expected = shape(answers.get(0));
    assertTrue(expected.startsWith("404 "), expected);
    for (Response r : answers) {
      assertEquals(expected, shape(r));
      assertTrue(
          r.timeIn(java.util.concurrent.TimeUnit.MILLISECONDS) >= 400,
          "answered in " + r.time() + " ms, before the no-match answer time");
    }
  }

  @Test
  void fifty_parallel_guesses_at_one_id_number_evaluate_at_most_the_subject_limit()
      throws Exception {
    String client = newClient();
    String school = Fixtures.newSchool("并发测试学院");
    Fixtures.openBatch(school, List.of(ALL.split(",")));
    String target = Fixtures.residentId();
    List<Student> accounts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      accounts.add(Fixtures.student());
    }
    List<Integer> statuses =
        parallel(
            accounts.stream()
                .<Callable<Integer>>map(
                    a -> () -> bySchool(a, newClient(), school, "猜" + a.id(), target).statusCode())
                .toList());
    assertEquals(5, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
    assertEquals(45, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    // Used up for everyone now, also for a right answer and a fresh account.
    bySchool(Fixtures.student(), client, school, "谁", target).then().statusCode(429);
  }

  @Test
  void fifty_parallel_guesses_from_one_account_evaluate_at_most_the_account_limit()
      throws Exception {
    String school = Fixtures.newSchool("账号并发学院");
    Fixtures.openBatch(school, List.of(ALL.split(",")));
    Student one = Fixtures.student();
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      guesses.add(
          () -> bySchool(one, newClient(), school, "某", Fixtures.residentId()).statusCode());
    }
    List<Integer> statuses = parallel(guesses);
    assertEquals(10, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
    assertEquals(40, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
  }

  @Test
  void fifty_parallel_guesses_from_one_client_address_evaluate_at_most_the_client_limit()
      throws Exception {
    String client = newClient();
    String school = Fixtures.newSchool("地址并发学院");
    Fixtures.openBatch(school, List.of(ALL.split(",")));
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Student s = Fixtures.student();
      guesses.add(() -> bySchool(s, client, school, "某", Fixtures.residentId()).statusCode());
    }
    List<Integer> statuses = parallel(guesses);
    // %test limit per client: 40 an hour.
    assertEquals(40, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
    assertEquals(10, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
  }

  @Test
  void forwarded_for_entries_the_caller_writes_itself_do_not_make_new_clients() throws Exception {
    // Behind a load balancer that keeps the header, each guess claims to come from elsewhere
    // ("X-Forwarded-For: <forged>"); the platform's proxy appended the address it saw. Quarkus'
    // own parsing would key each guess on the forged leftmost entry (50 fresh budgets).
    String client = newClient();
    String school = Fixtures.newSchool("伪造地址学院");
    Fixtures.openBatch(school, List.of(ALL.split(",")));
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Student s = Fixtures.student();
      String forged = newClient() + ", " + client;
      guesses.add(() -> bySchool(s, forged, school, "某", Fixtures.residentId()).statusCode());
    }
    List<Integer> statuses = parallel(guesses);
    assertEquals(40, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
    assertEquals(10, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
  }

  @Test
  void an_entry_without_a_phone_on_the_roster_cannot_be_taken_in_mode_c_with_any_phone() {
    String school = Fixtures.newSchool("无手机学院");
    UUID batch = Fixtures.openBatch(school, List.of(ALL.split(",")));
    String id = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER + Fixtures.csvLine(school, "无手机学院", "N1", "丁", id, "", ""))
        .then()
        .statusCode(200);
    given()
        .header("X-Forwarded-For", newClient())
        .auth()
        .oauth2(Fixtures.student().token())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "丁",
                "idType",
                "RESIDENT_ID",
                "idNumber",
                id,
                "phoneCode",
                LocalWeChatControl.phoneCode("13900000000")))
        .post("/eligibility/matches")
        .then()
        .statusCode(404)
        .body("code", equalTo("NO_MATCH"));
  }

  private static String last4(String id) {
    return id.substring(id.length() - 4);
  }

  private static List<Integer> parallel(List<Callable<Integer>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Integer> out = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
