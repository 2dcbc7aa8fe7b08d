package org.gradphoto.identity.adapter.in.rest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gradphoto.identity.domain.RosterColumn;
import org.gradphoto.kernel.error.ProblemException;

/**
 * Reads a roster file (CSV in UTF-8, or the first sheet of an XLSX workbook) into lines of values
 * by column. The first row is the header; columns are recognised by English key or Chinese label,
 * unknown columns are ignored and blank lines skipped.
 *
 * <p>Both formats are read as a stream with caps, so that no file makes the service hold more than
 * the caps allow: {@link #MAX_ROWS} rows, {@link #MAX_CELLS} cells a row, {@link #MAX_CELL_CHARS}
 * characters a cell; an XLSX is inflated once without keeping anything, and refused when its parts
 * would expand beyond {@link #MAX_XLSX_EXPANDED} bytes (a zip bomb). A refusal is a 400 problem
 * naming the line.
 */
final class RosterFiles {
  /** Header plus the 50,000 lines of the largest roster measured, with room to spare. */
  static final int MAX_ROWS = 60_001;

  static final int MAX_CELLS = 64;
  static final int MAX_CELL_CHARS = 500;

  /** All parts of a workbook, inflated (a 50,000-line roster is about 30 MB). */
  static final long MAX_XLSX_EXPANDED = 256L * 1024 * 1024;

  static final int MAX_XLSX_PARTS = 200;

  private RosterFiles() {}

  static List<Map<RosterColumn, String>> read(String fileName, Path file) throws IOException {
    byte[] magic;
    try (InputStream in = Files.newInputStream(file)) {
      magic = in.readNBytes(2);
    }
    boolean xlsx =
        (magic.length == 2 && magic[0] == 'P' && magic[1] == 'K')
            || (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
    List<List<String>> rows;
    if (xlsx) {
      checkExpansion(file);
      rows = xlsx(file);
    } else {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        rows = csv(in);
      }
    }
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

  /** Inflates every part once, keeping nothing, and refuses a workbook that expands too far. */
  private static void checkExpansion(Path file) throws IOException {
    long total = 0;
    int parts = 0;
    byte[] sink = new byte[64 * 1024];
    // The central directory, not a forward scan: writers may store parts with data descriptors.
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (++parts > MAX_XLSX_PARTS) {
          throw tooLarge("XLSX 文件包含的部件过多，请另存为普通的 Excel 工作簿后再上传");
        }
        try (InputStream part = zip.getInputStream(e)) {
          for (int n = part.read(sink); n > 0; n = part.read(sink)) {
            total += n;
            if (total > MAX_XLSX_EXPANDED) {
              throw tooLarge(
                  "XLSX 文件解压后超过 " + MAX_XLSX_EXPANDED / (1024 * 1024) + " MB，不是正常的名单文件，已拒绝");
            }
          }
        }
      }
    } catch (ZipException e) {
      throw ProblemException.badRequest("UNREADABLE_FILE", "无法读取 XLSX 文件，请确认是 Excel 2007 及以上格式");
    }
  }

  private static List<List<String>> xlsx(Path file) throws IOException {
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
      Sheet sheet = wb.getFirstSheet();
      List<List<String>> out = new ArrayList<>();
      try (Stream<Row> rows = sheet.openStream()) {
        Iterator<Row> it = rows.iterator();
        while (it.hasNext()) {
          Row row = it.next();
          int line = row.getRowNum();
          if (out.size() >= MAX_ROWS) {
            throw tooManyRows(line);
          }
          if (row.getCellCount() > MAX_CELLS) {
            throw badLine(line, "列数过多（最多 " + MAX_CELLS + " 列）");
          }
          List<String> cells = new ArrayList<>(row.getCellCount());
          for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(cell(row.getCellText(i), line));
          }
          out.add(cells);
        }
      }
      return out;
    } catch (ProblemException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ProblemException.badRequest("UNREADABLE_FILE", "无法读取 XLSX 文件，请确认是 Excel 2007 及以上格式");
    }
  }

  private static String cell(String value, int line) {
    if (value != null && value.length() > MAX_CELL_CHARS) {
      throw badLine(line, "单元格内容过长（最多 " + MAX_CELL_CHARS + " 个字符）");
    }
    return value;
  }

  private static ProblemException tooManyRows(int line) {
    return badLine(line, "名单行数过多（最多 " + (MAX_ROWS - 1) + " 行），请分批导入");
  }

  private static ProblemException badLine(int line, String what) {
    return refused("第" + line + "行：" + what, Map.of("line", line));
  }

  private static ProblemException tooLarge(String detail) {
    return refused(detail, Map.of());
  }

  private static ProblemException refused(String detail, Map<String, Object> extensions) {
    return new ProblemException(
        400,
        "ROSTER_FILE_REFUSED",
        "Roster file refused",
        detail,
        List.of(new ProblemException.FieldError("file", detail)),
        extensions);
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
    int line = 1;
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
          if (c == '\n') {
            line++;
          }
          append(field, (char) c, line);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        if (row.size() >= MAX_CELLS) {
          throw badLine(line, "列数过多（最多 " + MAX_CELLS + " 列）");
        }
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        if (rows.size() >= MAX_ROWS) {
          throw tooManyRows(line);
        }
        rows.add(row);
        row = new ArrayList<>();
        line++;
      } else if (c != '\r') {
        append(field, (char) c, line);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      if (rows.size() >= MAX_ROWS) {
        throw tooManyRows(line);
      }
      rows.add(row);
    }
    return rows;
  }

  private static void append(StringBuilder field, char c, int line) {
    if (field.length() >= MAX_CELL_CHARS) {
      throw badLine(line, "单元格内容过长（最多 " + MAX_CELL_CHARS + " 个字符）");
    }
    field.append(c);
  }
}
