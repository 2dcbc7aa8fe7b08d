package org.gradphoto.review;

import static org.gradphoto.review.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.PhotoSubmitted;
import org.gradphoto.review.Fixtures.Student;
import org.gradphoto.testsupport.OsPackages;
import org.junit.jupiter.api.Test;

/**
 * The staff console in headless Chromium (the OS package), driven by playwright-core from npm
 * (pinned in src/test/js). The browser gets a staff token from the mock OIDC server the way the
 * console keeps one after the Keycloak sign-in; the PKCE sign-in itself runs in the local-platform
 * end-to-end test. Screenshots land in target/console-screenshots.
 */
@QuarkusTest
class StaffConsoleBrowserTest {
  private static final String SCHOOL = "22001";
  private static final Path JS_SOURCES = Path.of("src/test/js");
  private static final Path WORK = Path.of("target/console-test");
  private static final Path SHOTS = Path.of("target/console-screenshots");

  @TestHTTPResource("/console/")
  URL console;

  @Test
  void a_reviewer_signed_in_to_the_console_rejects_one_photo_and_passes_the_next_by_keyboard()
      throws Exception {
    String chromium =
        OsPackages.require(
                Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")),
                "chromium")
            .toString();
    installPlaywright();

    String token = Fixtures.reviewer("browser-reviewer", SCHOOL);
    UUID batch = UUID.randomUUID();
    Student a = new Student(UUID.randomUUID(), UUID.randomUUID(), batch, SCHOOL);
    Student b = new Student(UUID.randomUUID(), UUID.randomUUID(), batch, SCHOOL);
    a.eligible(EligibilityGranted.PAY_BEFORE_CAPTURE, "PT24H");
    b.eligible(EligibilityGranted.PAY_BEFORE_CAPTURE, "P2WD");
    String taskA =
        a.awaitTask(
            token,
            a.submits(
                List.of(new PhotoSubmitted.Finding("BLURRY", "WARN", "照片略模糊", 41.0, "≥ 60"))));
    String taskB = b.awaitTask(token, b.submits());
    // The console must show the roster name, which comes with EligibilityGranted.
    rosterKnown(token, taskA);
    rosterKnown(token, taskB);

    Files.createDirectories(SHOTS);
    Path log = WORK.resolve("console-test.log");
    ProcessBuilder pb =
        new ProcessBuilder("node", WORK.resolve("console.test.js").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment()
        .putAll(
            Map.of(
                "CONSOLE_URL",
                console.toString(),
                "STAFF_TOKEN",
                token,
                "SCREENSHOT_DIR",
                SHOTS.toAbsolutePath().toString(),
                "CHROMIUM_PATH",
                chromium));
    Process node = pb.start();
    boolean finished = node.waitFor(120, TimeUnit.SECONDS);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!finished) {
      node.destroyForcibly();
      fail("the browser test did not finish in 120 s:\n" + output);
    }
    assertEquals(0, node.exitValue(), "the browser test failed:\n" + output);

    Matcher result = Pattern.compile("RESULT (\\{.*})").matcher(output);
    assertTrue(result.find(), output);
    String json = result.group(1);
    String rejected = json.replaceAll(".*\"rejected\":\"([^\"]+)\".*", "$1");
    String passed = json.replaceAll(".*\"passed\":\"([^\"]+)\".*", "$1");
    assertEquals(
        List.of(taskA, taskB).stream().sorted().toList(),
        List.of(rejected, passed).stream().sorted().toList());
    as(token)
        .get("/staff/tasks/" + rejected)
        .then()
        .body("decision.outcome", equalTo("REJECT"))
        .body("decision.reasons.code", equalTo(List.of("HEAD_TILTED", "BLURRY")))
        .body("decision.byName", equalTo("browser-reviewer"));
    as(token).get("/staff/tasks/" + passed).then().body("decision.outcome", equalTo("PASS"));
    assertTrue(Files.size(SHOTS.resolve("console-claimed.png")) > 10_000, "a screenshot was saved");
  }

  private static void rosterKnown(String token, String taskId) {
    org.gradphoto.testsupport.Eventually.await(
        () -> as(token).get("/staff/tasks/" + taskId).then().extract().path("student.name") != null,
        true,
        Fixtures.WAIT);
  }

  /** npm ci of the pinned playwright-core into target/ (once per clean build). */
  private static void installPlaywright() throws IOException, InterruptedException {
    Files.createDirectories(WORK);
    for (String f : List.of("package.json", "package-lock.json", "console.test.js")) {
      Files.copy(JS_SOURCES.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.exists(WORK.resolve("node_modules/playwright-core/package.json"))) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(WORK.toFile())
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve("npm.log").toFile())
            .start();
    if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
      npm.destroyForcibly();
      fail("npm ci of playwright-core failed:\n" + Files.readString(WORK.resolve("npm.log")));
    }
  }
}
