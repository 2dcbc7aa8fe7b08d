package org.gradphoto.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #7: the staff console (review-service, /api/review/console/ through the gateway) signs each
 * demo user in through Keycloak's own login page (authorization code + PKCE) in headless Chromium,
 * uses the token, and signs out. The script is src/test/js/console-signin.mjs.
 */
@Order(2)
@ExtendWith(PlatformLogsOnFailure.class)
class StaffConsoleSignInIT {

  @Test
  @DisplayName("staff console: Keycloak sign-in (code + PKCE) and sign-out for each demo user")
  void signIn() throws Exception {
    String chromium = Platform.chromium();
    Path work = Platform.REPORTS.resolve("js");
    Files.createDirectories(work);
    for (String f :
        new String[] {"package.json", "package-lock.json", ".npmrc", "console-signin.mjs"}) {
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
            Platform.GATEWAY + "/api/review/console/",
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
}
