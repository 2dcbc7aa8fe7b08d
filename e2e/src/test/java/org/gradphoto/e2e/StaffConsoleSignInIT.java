package org.gradphoto.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issues #7 and #18: the staff console (staff-console, /console/ through the gateway) signs each
 * demo user in through Keycloak's own login page (authorization code + PKCE) in headless Chromium,
 * shows the menu of the user's roles, uses the token, and signs out. The script is
 * src/test/js/console-signin.mjs.
 */
@Order(2)
@ExtendWith(PlatformLogsOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffConsoleSignInIT {

  @Test
  @Order(1)
  @DisplayName("staff console: Keycloak sign-in (code + PKCE) and sign-out for each demo user")
  void signIn() throws Exception {
    String chromium = Platform.chromium();
    Path work = Platform.REPORTS.resolve("js");
    Files.createDirectories(work);
    for (String f :
        new String[] {
          "package.json", "package-lock.json", ".npmrc", "console-signin.mjs", "console-journey.mjs"
        }) {
      Files.copy(
          Platform.REPO.resolve("e2e/src/test/js").resolve(f),
          work.resolve(f),
          StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(work.resolve("node_modules/playwright-core"))) {
      Platform.run(
          "npm ci (playwright-core)",
          work,
          Map.of(),
          Duration.ofMinutes(5),
          Platform.REPORTS.resolve("console-npm-ci.log"),
          "npm",
          "ci",
          "--no-audit",
          "--no-fund");
    }
    Platform.run(
        "staff console sign-in",
        work,
        Map.of(
            "CONSOLE_URL",
            Platform.GATEWAY + "/console/",
            "KEYCLOAK_URL",
            Platform.KEYCLOAK,
            "CHROMIUM",
            chromium,
            "SHOTS",
            Platform.REPORTS.resolve("console").toString()),
        Duration.ofMinutes(5),
        Platform.REPORTS.resolve("console-signin.log"),
        "node",
        "console-signin.mjs");
  }

  /**
   * Issue #18's journey through the console: batch form, roster with two bad lines and the fixed
   * re-upload, the progress states of a student driven through the student APIs, XLSX export, the
   * package, a reviewer's reject then pass, an operator's refund and unbinding. The script is
   * src/test/js/console-journey.mjs; its screenshots stay in target/e2e/console/.
   */
  @Test
  @Order(2)
  @DisplayName("staff console: school admin, reviewer and operator journey at 1366×768")
  void journey() throws Exception {
    Path work = Platform.REPORTS.resolve("js");
    Platform.run(
        "staff console journey",
        work,
        Map.of(
            "CONSOLE_URL",
            Platform.GATEWAY + "/console/",
            "GATEWAY",
            Platform.GATEWAY,
            "KEYCLOAK_URL",
            Platform.KEYCLOAK,
            "CHROMIUM",
            Platform.chromium(),
            "PORTRAIT",
            Platform.REPO.resolve("student-app/e2e/fixtures/portrait.jpg").toString(),
            "SHOTS",
            Platform.REPORTS.resolve("console").toString()),
        Duration.ofMinutes(10),
        Platform.REPORTS.resolve("console-journey.log"),
        "node",
        "console-journey.mjs");
  }
}
