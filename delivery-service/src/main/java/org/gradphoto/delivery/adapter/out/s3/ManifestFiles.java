package org.gradphoto.delivery.adapter.out.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gradphoto.delivery.domain.MissingStudent;
import org.gradphoto.delivery.domain.PackageEntry;
import org.gradphoto.kernel.value.SpreadsheetCells;

/**
 * The package's manifest (清单) and missing list (未完成名单) as CSV (UTF-8 with BOM, so Excel reads the
 * Chinese) and as one XLSX with two sheets. Only masked ID numbers appear.
 */
final class ManifestFiles {
  static final List<String> MANIFEST_HEADER =
      List.of("学号", "姓名", "证件号码(脱敏)", "文件名", "采集完成时间", "SHA-256");
  static final List<String> MISSING_HEADER = List.of("学号", "姓名", "证件号码(脱敏)", "状态");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  private ManifestFiles() {}

  static List<String> row(PackageEntry e) {
    return List.of(
        nz(e.studentNumber()),
        nz(e.studentName()),
        nz(e.idNumberMasked()),
        e.fileName(),
        e.completedAt() == null ? "" : TIME.format(e.completedAt()),
        e.sha256());
  }

  static List<String> row(MissingStudent m) {
    return List.of(
        nz(m.studentNumber()), nz(m.studentName()), nz(m.idNumberMasked()), m.status().label());
  }

  static byte[] csv(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    line(sb, header);
    rows.forEach(r -> line(sb, r));
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(List<List<String>> manifest, List<List<String>> missing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      Workbook wb = new Workbook(out, "gradphoto delivery-service", "1.0");
      sheet(wb.newWorksheet("清单"), MANIFEST_HEADER, manifest);
      sheet(wb.newWorksheet("未完成"), MISSING_HEADER, missing);
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void sheet(Worksheet ws, List<String> header, List<List<String>> rows) {
    for (int c = 0; c < header.size(); c++) {
      ws.value(0, c, header.get(c));
      ws.style(0, c).bold().set();
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        // Text cells: student numbers keep their leading zeros; never a formula, also when the
        // sheet is saved again as CSV.
        ws.value(r + 1, c, SpreadsheetCells.neutralise(row.get(c)));
      }
    }
  }

  private static void line(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    sb.append("\r\n");
  }

  /** Quotes when needed; a leading formula character is neutralised (CSV injection). */
  static String cell(String v) {
    return SpreadsheetCells.csv(v);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String time(Instant t) {
    return TIME.format(t);
  }
}
