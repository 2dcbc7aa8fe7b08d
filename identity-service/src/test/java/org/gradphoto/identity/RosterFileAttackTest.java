package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the roster import with files made to exhaust memory (issue #16, item 8): a zip bomb
 * posing as XLSX, a 39 MB CSV of tiny lines, a line of a million empty fields, a huge cell. Each is
 * refused with a 400 problem that names the line, without the service holding the file's content.
 */
@QuarkusTest
class RosterFileAttackTest {
  static String school;
  static UUID batch;

  @BeforeEach
  void batch() {
    if (school == null) {
      school = Fixtures.newSchool("名单攻击学院");
      batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    }
  }

  private static io.restassured.response.Response upload(String name, byte[] file, String type) {
    return given()
        .auth()
        .oauth2(Fixtures.operator())
        .multiPart("file", name, file, type)
        .post("/batches/" + batch + "/roster");
  }

  @Test
  void a_zip_bomb_posing_as_xlsx_is_refused_before_it_is_parsed() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1024 * 1024];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 300; i++) { // 300 MB of nothing, about 300 KB compressed
        zip.write(spaces);
      }
      zip.closeEntry();
    }
    upload("bomb.xlsx", bytes.toByteArray(), "application/octet-stream")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("ROSTER_FILE_REFUSED"))
        .body("detail", containsString("解压后超过"));
  }

  @Test
  void a_39_megabyte_csv_of_tiny_lines_is_refused_at_the_first_line_over_the_cap() {
    StringBuilder csv = new StringBuilder(Fixtures.CSV_HEADER);
    byte[] head = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[39 * 1024 * 1024];
    System.arraycopy(head, 0, file, 0, head.length);
    for (int i = head.length; i + 1 < file.length; i += 2) {
      file[i] = 'x';
      file[i + 1] = '\n';
    }
    upload("tiny.csv", file, "text/csv")
        .then()
        .statusCode(400)
        .body("code", equalTo("ROSTER_FILE_REFUSED"))
        .body("line", equalTo(60_002))
        .body("detail", containsString("第" + (60_002) + "行"));
  }

  @Test
  void a_line_of_a_million_empty_fields_is_refused_naming_the_line() {
    String csv = Fixtures.CSV_HEADER + ",".repeat(1_000_000) + "\n";
    upload("wide.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
        .then()
        .statusCode(400)
        .body("code", equalTo("ROSTER_FILE_REFUSED"))
        .body("detail", containsString("第2行"))
        .body("detail", containsString("列数过多"));
  }

  @Test
  void a_cell_of_a_megabyte_is_refused_naming_the_line() {
    String csv =
        Fixtures.CSV_HEADER
            + Fixtures.csvLine(school, "名单攻击学院", "A1", "甲", Fixtures.residentId(), "", "")
            + Fixtures.csvLine(
                school, "名单攻击学院", "A2", "乙".repeat(1_000_000), Fixtures.residentId(), "", "");
    upload("long.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
        .then()
        .statusCode(400)
        .body("detail", containsString("第3行"))
        .body("detail", containsString("单元格内容过长"));
  }
}
