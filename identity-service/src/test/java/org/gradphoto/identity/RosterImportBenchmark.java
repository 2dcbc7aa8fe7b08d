package org.gradphoto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Imports a 50,000-line XLSX roster through the REST endpoint (upload, parse, validate, seal, hash,
 * upsert into the real PostgreSQL) and prints how long it took, then imports it again (50,000
 * unchanged lines, not rewritten) and once more with every name changed (50,000 updates). Skipped
 * in the normal build; run it with:
 *
 * <pre>
 * mvn -f identity-service/pom.xml test -Dbenchmark=true -Dtest=RosterImportBenchmark
 * </pre>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RosterImportBenchmark {
  static final int ROWS = 50_000;

  @Test
  void fifty_thousand_roster_lines_import_in_under_thirty_seconds() throws IOException {
    String school = Fixtures.newSchool("基准测试大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID", "CHSI_CODE"));
    long t0 = System.nanoTime();
    byte[] file = roster(school, "");
    long made = System.nanoTime();
    System.out.printf(
        "[benchmark] generated %,d-line XLSX (%,d bytes) in %.1f s%n",
        ROWS, file.length, (made - t0) / 1e9);

    // The third file renames every student, so every line is written again.
    byte[] renamed = roster(school, "（更正）");
    record Round(String name, byte[] file, String counted) {}
    for (Round round :
        List.of(
            new Round("first import (inserts)", file, "created"),
            new Round("second import (same file, unchanged)", file, "unchanged"),
            new Round("third import (every name changed, updates)", renamed, "updated"))) {
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long start = System.nanoTime();
      Response r = RosterImportTest.upload(Fixtures.operator(), batch, round.file());
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "[benchmark] %s of %,d lines: %.2f s (%,.0f lines/s); load average before: %.1f on %d"
              + " cores%n",
          round.name(),
          ROWS,
          seconds,
          ROWS / seconds,
          load,
          Runtime.getRuntime().availableProcessors());
      r.then().statusCode(200);
      JsonPath report = r.jsonPath();
      assertEquals(ROWS, report.getInt("total"));
      assertEquals(0, report.getInt("rejected"));
      assertEquals(ROWS, report.getInt(round.counted()));
      assertTrue(seconds < 30, round.name() + " took " + seconds + " s");
    }
  }

  private static byte[] roster(String school, String nameSuffix) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(out, "gradphoto", "1.0")) {
      Worksheet ws = wb.newWorksheet("名单");
      for (int c = 0; c < RosterImportTest.HEADER.size(); c++) {
        ws.value(0, c, RosterImportTest.HEADER.get(c));
      }
      for (int r = 1; r <= ROWS; r++) {
        String first17 = String.format("110105%08d%03d", 19990101 + (r % 28), r % 1000);
        // distinct numbers: vary the region digits with the line number
        first17 = String.format("%06d", 110000 + r / 1000) + first17.substring(6);
        String id = first17 + org.gradphoto.kernel.value.ResidentIdNumber.checkCharacter(first17);
        ws.value(r, 0, school);
        ws.value(r, 1, "基准测试大学");
        ws.value(r, 2, String.format("B%07d", r));
        ws.value(r, 3, "学生" + r + nameSuffix);
        ws.value(r, 4, "居民身份证");
        ws.value(r, 5, id);
        ws.value(r, 6, String.format("139%08d", r));
        ws.value(r, 7, "BENCH-" + school + "-" + r);
        ws.value(r, 8, "本科");
      }
    }
    return out.toByteArray();
  }
}
