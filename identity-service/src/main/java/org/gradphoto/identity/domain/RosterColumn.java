package org.gradphoto.identity.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a roster file; a header may use the English key or a Chinese label. */
public enum RosterColumn {
  SCHOOL_CODE(true, "school_code", "院校代码", "学校代码"),
  SCHOOL_NAME(true, "school_name", "院校名称", "学校名称"),
  STUDENT_NUMBER(true, "student_number", "学号"),
  NAME(true, "name", "姓名"),
  ID_TYPE(false, "id_type", "证件类型"),
  ID_NUMBER(true, "id_number", "证件号码", "身份证号", "身份证号码"),
  PHONE(false, "phone", "手机号", "手机号码", "联系电话"),
  CHSI_CODE(false, "chsi_code", "学信网图像采集码", "图像采集码", "采集码"),
  DEGREE_LEVEL(true, "degree_level", "学历层次", "培养层次");

  private final boolean required;
  private final List<String> headers;

  RosterColumn(boolean required, String... headers) {
    this.required = required;
    this.headers = List.of(headers);
  }

  public boolean required() {
    return required;
  }

  /** The key used in reports (e.g. {@code id_number}). */
  public String key() {
    return headers.get(0);
  }

  public static Optional<RosterColumn> byHeader(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace(' ', '_');
    for (RosterColumn c : values()) {
      if (c.headers.contains(h)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
