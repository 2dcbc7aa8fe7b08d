package org.gradphoto.identity.adapter.in.rest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gradphoto.identity.domain.RosterColumn;
import org.gradphoto.kernel.error.ProblemException;

/**
 * Reads a roster file (CSV in UTF-8, or the first sheet of an XLSX workbook) into lines of values
 * by column. The first row is the header; columns are recognised by English key or Chinese label,
 * unknown columns are ignored and blank lines skipped.
 */
final class RosterFiles {
  private RosterFiles() {}

  static List<Map<RosterColumn, String>> read(String fileName, InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(4);
    byte[] magic = in.readNBytes(2);
    in.reset();
    boolean xlsx =
        (magic.length == 2 && magic[0] == 'P' && magic[1] == 'K')
            || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
    List<List<String>> rows = xlsx ? xlsx(in) : csv(in);
    if (rows.isEmpty()) {
      throw ProblemException.badRequest("EMPTY_ROSTER", "文件为空，第一行应为表头");
    }
    List<Optional<RosterColumn>> header = rows.get(0).stream().map(RosterColumn::byHeader).toList();
    List<String> missing =
        Stream.of(RosterColumn.values())
            .filter(RosterColumn::required)
            .filter(c -> !header.contains(Optional.of(c)))
            .map(RosterColumn::key)
            .toList();
    if (!missing.isEmpty()) {
      throw ProblemException.badRequest(
          "MISSING_COLUMNS",
          "表头缺少必需的列："
              + String.join("、", missing)
              + "（可用中文列名：院校代码、院校名称、学号、姓名、证件类型、证件号码、手机号、学信网图像采集码、学历层次）");
    }
    List<Map<RosterColumn, String>> lines = new ArrayList<>(rows.size());
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.stream().allMatch(v -> v == null || v.isBlank())) {
        continue;
      }
      Map<RosterColumn, String> line = new EnumMap<>(RosterColumn.class);
      for (int i = 0; i < header.size() && i < row.size(); i++) {
        int col = i;
        header.get(i).ifPresent(c -> line.put(c, row.get(col)));
      }
      lines.add(line);
    }
    return lines;
  }

  private static List<List<String>> xlsx(InputStream in) throws IOException {
    try (ReadableWorkbook wb = new ReadableWorkbook(in)) {
      Sheet sheet = wb.getFirstSheet();
      try (Stream<Row> rows = sheet.openStream()) {
        return rows.map(RosterFiles::cells).collect(Collectors.toList());
      }
    } catch (IOException | RuntimeException e) {
      throw ProblemException.badRequest("UNREADABLE_FILE", "无法读取 XLSX 文件，请确认是 Excel 2007 及以上格式");
    }
  }

  private static List<String> cells(Row row) {
    List<String> out = new ArrayList<>(row.getCellCount());
    for (int i = 0; i < row.getCellCount(); i++) {
      out.add(row.getCellText(i));
    }
    return out;
  }

  /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
  private static List<List<String>> csv(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int c;
    boolean first = true;
    while ((c = r.read()) != -1) {
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (quoted) {
        if (c == '"') {
          r.mark(1);
          int next = r.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              r.reset();
            }
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append((char) c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
