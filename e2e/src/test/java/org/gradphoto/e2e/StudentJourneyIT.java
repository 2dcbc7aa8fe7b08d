package org.gradphoto.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import org.gradphoto.e2e.Platform.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #9: the student's whole journey (student-app/e2e/journey.mjs, {@code npm run e2e}) in
 * headless Chromium against the local platform, after installing the app ({@code npm ci}) and
 * building its H5 twin, which the gateway serves at /. Each step is one test; a step whose
 * predecessor failed is reported as skipped.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PlatformLogsOnFailure.class)
class StudentJourneyIT {
  private static final Path APP = Platform.REPO.resolve("student-app");
  private static boolean failed;
  private boolean passed;

  @AfterEach
  void track(TestInfo info) {
    if (!passed) {
      failed = true;
    }
  }

  private static void before() {
    assumeTrue(!failed, "an earlier step of the student journey failed");
  }

  @Test
  @Order(1)
  @DisplayName("npm ci (student-app)")
  void install() throws Exception {
    before();
    Path lock = APP.resolve("package-lock.json");
    Path installed = APP.resolve("node_modules/.package-lock.json");
    // npm's own test of an install being current: its record in node_modules is newer than the
    // lock file and package.json. A developer's current node_modules (and a dev server running
    // from it) is left alone; a clean checkout always gets `npm ci`.
    if (Files.isRegularFile(installed)
        && newer(installed, lock)
        && newer(installed, APP.resolve("package.json"))
        && !"always".equals(System.getProperty("e2e.npmCi"))) {
      System.out.println(
          "[e2e] student-app/node_modules is current (newer than package-lock.json): no npm ci");
    } else {
      Platform.run(
          "npm ci (student-app)",
          APP,
          Map.of(),
          Duration.ofMinutes(10),
          Platform.REPORTS.resolve("student-npm-ci.log"),
          "npm",
          "ci",
          "--no-audit",
          "--no-fund");
    }
    passed = true;
  }

  private static boolean newer(Path a, Path b) throws IOException {
    FileTime ta = Files.getLastModifiedTime(a);
    return !Files.exists(b) || ta.compareTo(Files.getLastModifiedTime(b)) >= 0;
  }

  @Test
  @Order(2)
  @DisplayName("npm run build:h5 → student-app/dist/h5, served by the gateway at /")
  void buildH5() throws Exception {
    before();
    Platform.run(
        "npm run build:h5",
        APP,
        Map.of(),
        Duration.ofMinutes(10),
        Platform.REPORTS.resolve("student-build-h5.log"),
        "npm",
        "run",
        "build:h5");
    assertTrue(Files.isRegularFile(APP.resolve("dist/h5/index.html")), "no dist/h5/index.html");
    Answer root = Platform.get(Platform.GATEWAY + "/", null);
    assertEquals(200, root.status(), () -> "GET / → " + root);
    assertTrue(
        root.body().contains("毕业图像采集"),
        () -> "the gateway does not serve the student app at /: " + root);
    passed = true;
  }

  @Test
  @Order(3)
  @DisplayName("npm run e2e: the student journey in headless Chromium (happy and rejection paths)")
  void journey() throws Exception {
    before();
    String chromium = Platform.chromium();
    Platform.run(
        "student journey (npm run e2e)",
        APP,
        Map.of(
            "GATEWAY_URL",
            Platform.GATEWAY,
            "KEYCLOAK_URL",
            Platform.KEYCLOAK,
            "CHROMIUM",
            chromium,
            "E2E_ARTIFACTS",
            Platform.REPORTS.resolve("journey").toString()),
        Duration.ofMinutes(20),
        Platform.REPORTS.resolve("student-journey.log"),
        "npm",
        "run",
        "e2e");
    passed = true;
  }
}
