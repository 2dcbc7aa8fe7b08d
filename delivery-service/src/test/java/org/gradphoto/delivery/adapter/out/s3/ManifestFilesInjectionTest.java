package org.gradphoto.delivery.adapter.out.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** Issue #16, item 8: a student's name made to run as a formula is text in both manifests. */
class ManifestFilesInjectionTest {
  private static final List<String> ATTACKS =
      List.of(
          "=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+1", "-1", "@SUM(A1)", "\t=1", "\r=1");

  @Test
  void formula_starts_are_neutralised_in_the_csv_and_the_xlsx() throws Exception {
    List<List<String>> rows =
        ATTACKS.stream().map(a -> List.of("2027001", a, "**************1234", "状态")).toList();
    String csv =
        new String(ManifestFiles.csv(ManifestFiles.MISSING_HEADER, rows), StandardCharsets.UTF_8);
    for (String a : ATTACKS) {
      // A quoted CSV field doubles its quotes.
      String q = a.replace("\"", "\"\"");
      assertTrue(csv.contains(",'" + a) || csv.contains(",\"'" + q), () -> "not neutralised: " + a);
    }
    byte[] xlsx = ManifestFiles.xlsx(List.of(), rows);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> read = wb.getSheets().toList().get(1).read();
      for (int i = 0; i < ATTACKS.size(); i++) {
        String text = read.get(i + 1).getCellText(1);
        assertTrue(text.startsWith("'") && text.length() == ATTACKS.get(i).length() + 1, text);
      }
    }
  }
}
