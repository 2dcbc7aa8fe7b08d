package org.gradphoto.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #9: the student app's own checks, on the packages {@link StudentJourneyIT} installed and
 * the H5 build it made: type check, unit tests, the mini-program build, the H5 first-load budget
 * (300 KB of gzipped script) and every screen at 360 px against a stand-in API in headless
 * Chromium. None of them needs the platform; they run here so that one `mvn verify` runs them all.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudentAppChecksIT {
  private static final Path APP = Platform.REPO.resolve("student-app");

  private static void npm(String script, Map<String, String> env) throws Exception {
    assertTrue(
        Files.isDirectory(APP.resolve("node_modules")),
        "student-app/node_modules is missing: the npm ci step of the student journey failed");
    Platform.run(
        "npm run " + script,
        APP,
        env,
        Duration.ofMinutes(10),
        Platform.REPORTS.resolve("student-" + script.replace(':', '-') + ".log"),
        "npm",
        "run",
        script);
  }

  @Test
  @Order(1)
  @DisplayName("npm run typecheck")
  void typecheck() throws Exception {
    npm("typecheck", Map.of());
  }

  @Test
  @Order(2)
  @DisplayName("npm test: the client logic's unit tests (Vitest)")
  void unitTests() throws Exception {
    npm("test", Map.of());
  }

  @Test
  @Order(3)
  @DisplayName("npm run build:weapp: the mini-program compiles")
  void miniProgram() throws Exception {
    npm("build:weapp", Map.of());
    assertTrue(Files.isRegularFile(APP.resolve("dist/weapp/app.json")), "no dist/weapp/app.json");
  }

  @Test
  @Order(4)
  @DisplayName("npm run size: the H5 first load stays under 300 KB of gzipped script")
  void sizeBudget() throws Exception {
    assertTrue(
        Files.isRegularFile(APP.resolve("dist/h5/index.html")),
        "no H5 build: the build:h5 step of the student journey failed");
    npm("size", Map.of("CHROMIUM", Platform.chromium()));
  }

  @Test
  @Order(5)
  @DisplayName("npm run e2e:screens: every screen at 360 px with a stand-in API")
  void screens() throws Exception {
    npm(
        "e2e:screens",
        Map.of(
            "CHROMIUM",
            Platform.chromium(),
            "E2E_ARTIFACTS",
            Platform.REPORTS.resolve("screens").toString()));
  }
}
