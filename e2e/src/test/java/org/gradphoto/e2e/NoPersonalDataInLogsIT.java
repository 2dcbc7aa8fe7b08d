package org.gradphoto.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, item 10: after every journey has run, no log the platform wrote (services, gateway,
 * Keycloak, Kafka, S3, PostgreSQL) holds a demo student's name, ID number or phone number, or a
 * WeChat openid. The demo students are read from deploy/local/demo-data, the roster the run loaded.
 */
@Order(99)
class NoPersonalDataInLogsIT {
  /**
   * The openids of the run: the WeChat sandbox's ("sandbox-" and a SHA-256 in hex), the H5 app's
   * simulated WeChat users of the local WeChat ("h5-" and 32 hex digits) and the console journey's
   * ("console-e2e-" and the run's five characters).
   */
  private static final Pattern OPENID =
      Pattern.compile("(?:sandbox|h5)-[0-9a-f]{16,}|console-e2e-[0-9A-Z]{5}");

  /** The stand-in for WeChat's own servers keeps openids as WeChat does; it is not the platform. */
  private static final String LOCAL_WECHAT_LOG = "local-wechat.log";

  @Test
  @DisplayName("no platform log holds a demo student's name, ID number, phone or an openid")
  void logsHoldNoPersonalData() throws IOException {
    Set<String> secrets = demoStudentsPersonalData();
    assertTrue(secrets.size() >= 10, () -> "too few demo values read: " + secrets);
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Platform.LOGS)) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().equals(LOCAL_WECHAT_LOG))
              .toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        for (String s : secrets) {
          if (text.contains(s)) {
            hits.add(Platform.REPO.relativize(f) + ": contains " + kind(s));
          }
        }
        if (OPENID.matcher(text).find()) {
          hits.add(Platform.REPO.relativize(f) + ": contains an openid");
        }
      }
    }
    assertTrue(hits.isEmpty(), () -> "personal data in the platform's logs:\n" + hits);
  }

  /** Names, ID numbers and phones of the demo roster (the CSV inside deploy/local/demo-data). */
  static Set<String> demoStudentsPersonalData() throws IOException {
    Set<String> out = new LinkedHashSet<>();
    boolean inRoster = false;
    for (String line :
        Files.readAllLines(
            Platform.REPO.resolve("deploy/local/demo-data"), StandardCharsets.UTF_8)) {
      if (line.startsWith("ROSTER='")) {
        inRoster = true;
        continue;
      }
      if (!inRoster) {
        continue;
      }
      String[] cells = line.replace("'", "").split(",", -1);
      if (cells.length >= 7) {
        for (int i : new int[] {3, 5, 6}) {
          if (!cells[i].isBlank()) {
            out.add(cells[i].strip());
          }
        }
      }
      if (line.endsWith("'")) {
        break;
      }
    }
    return out;
  }

  private static String kind(String s) {
    if (s.matches("\\d{17}[\\dX]")) {
      return "an ID number ending " + s.substring(14);
    }
    if (s.matches("1\\d{10}")) {
      return "a phone number ending " + s.substring(7);
    }
    return "a demo student's name";
  }
}
