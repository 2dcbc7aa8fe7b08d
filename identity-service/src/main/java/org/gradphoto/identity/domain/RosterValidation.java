package org.gradphoto.identity.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gradphoto.kernel.value.PhoneNumber;

/**
 * Checks every line of a roster file for one school: required fields, the document number (check
 * digit for resident IDs), phone shape, and duplicates inside the file (student number, ID number,
 * CHSI code). Pure: the caller decides what to store.
 */
public final class RosterValidation {

  /** A field of a line that is wrong, and why (Chinese, for the school's staff). */
  public record Problem(String field, String message) {}

  /** The verdict on one line: a row to import, or the problems found. */
  public record Line(
      int line, String studentNumber, Optional<RosterRow> row, List<Problem> problems) {}

  private RosterValidation() {}

  /**
   * @param schoolCode the school the import is for; lines of another school are refused
   * @param lines raw values by column, in file order; {@code line} numbers count the header as 1
   */
  public static List<Line> check(String schoolCode, List<Map<RosterColumn, String>> lines) {
    List<Line> out = new ArrayList<>(lines.size());
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> chsi = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int line = i + 2;
      Map<RosterColumn, String> raw = new EnumMap<>(RosterColumn.class);
      lines.get(i).forEach((k, v) -> raw.put(k, v == null ? "" : v.strip()));
      List<Problem> problems = new ArrayList<>();
      for (RosterColumn c : RosterColumn.values()) {
        if (c.required() && raw.getOrDefault(c, "").isEmpty()) {
          problems.add(new Problem(c.key(), "必填项为空"));
        }
      }
      String code = raw.getOrDefault(RosterColumn.SCHOOL_CODE, "");
      if (!code.isEmpty() && !code.equals(schoolCode)) {
        problems.add(new Problem("school_code", "院校代码与导入的学校（" + schoolCode + "）不一致"));
      }
      String number = raw.getOrDefault(RosterColumn.STUDENT_NUMBER, "");
      if (number.length() > 40) {
        problems.add(new Problem("student_number", "学号不超过40个字符"));
      }
      String name = raw.getOrDefault(RosterColumn.NAME, "");
      if (name.length() > 60) {
        problems.add(new Problem("name", "姓名不超过60个字"));
      }
      Optional<IdType> type = IdType.parse(raw.get(RosterColumn.ID_TYPE));
      if (type.isEmpty()) {
        problems.add(new Problem("id_type", "证件类型应为居民身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证或护照"));
      }
      IdDocument id = null;
      String idRaw = raw.getOrDefault(RosterColumn.ID_NUMBER, "");
      if (type.isPresent() && !idRaw.isEmpty()) {
        try {
          id = IdDocument.of(type.get(), idRaw);
        } catch (IllegalArgumentException e) {
          problems.add(new Problem("id_number", e.getMessage()));
        }
      }
      Optional<String> phone = Optional.empty();
      String phoneRaw = raw.getOrDefault(RosterColumn.PHONE, "");
      if (!phoneRaw.isEmpty()) {
        try {
          phone = Optional.of(new PhoneNumber(phoneRaw).value());
        } catch (IllegalArgumentException e) {
          problems.add(new Problem("phone", e.getMessage()));
        }
      }
      Optional<String> chsiCode =
          Optional.of(raw.getOrDefault(RosterColumn.CHSI_CODE, "")).filter(s -> !s.isEmpty());
      if (chsiCode.isPresent() && chsiCode.get().length() > 200) {
        problems.add(new Problem("chsi_code", "学信网图像采集码过长"));
      }
      String degree = raw.getOrDefault(RosterColumn.DEGREE_LEVEL, "");
      if (degree.length() > 20) {
        problems.add(new Problem("degree_level", "学历层次不超过20个字"));
      }
      duplicate(numbers, number, line, "student_number", "学号", problems);
      if (id != null) {
        duplicate(ids, id.lookupKey(), line, "id_number", "证件号码", problems);
      }
      chsiCode.ifPresent(c -> duplicate(chsi, c, line, "chsi_code", "学信网图像采集码", problems));
      Optional<RosterRow> row =
          problems.isEmpty()
              ? Optional.of(
                  new RosterRow(
                      line,
                      code,
                      raw.get(RosterColumn.SCHOOL_NAME),
                      number,
                      name,
                      id,
                      phone,
                      chsiCode,
                      degree))
              : Optional.empty();
      out.add(new Line(line, number, row, List.copyOf(problems)));
    }
    return out;
  }

  private static void duplicate(
      Map<String, Integer> seen,
      String value,
      int line,
      String field,
      String label,
      List<Problem> problems) {
    if (value.isEmpty()) {
      return;
    }
    Integer first = seen.putIfAbsent(value, line);
    if (first != null) {
      problems.add(new Problem(field, label + "与第" + first + "行重复"));
    }
  }
}
