package org.gradphoto.kernel.value;

/** Masks personal identifiers for display, exports and logs. */
public final class Masking {
  private Masking() {}

  /**
   * Keeps only the last four characters of an ID number (fewer for very short ones). The first six
   * of a resident ID name a district and the next eight a birth date: with them shown, a search
   * over a few thousand numbers would find the whole number (issue #16).
   */
  public static String maskIdNumber(String id) {
    if (id == null || id.isEmpty()) {
      return "";
    }
    int keep = Math.min(4, id.length() / 2);
    return "*".repeat(id.length() - keep) + id.substring(id.length() - keep);
  }

  /** A mainland mobile number as {@code 138****5678}. */
  public static String maskPhone(String phone) {
    if (phone == null) {
      return "";
    }
    String digits = phone.replaceAll("[\\s-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    }
    if (digits.length() < 7) {
      return "*".repeat(digits.length());
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  /** A Chinese name as {@code 张*} or {@code 欧阳**}: the first character kept. */
  public static String maskName(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    int first = name.codePointAt(0);
    int rest = name.codePointCount(0, name.length()) - 1;
    return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
  }
}
