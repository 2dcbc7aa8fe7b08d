package org.gradphoto.kernel.value;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A mainland resident identity card number (GB 11643-1999): six digits of region, eight of birth
 * date, three of sequence and a check character computed with ISO 7064 MOD 11-2. Its {@code
 * toString} is masked so it cannot leak into a log by accident.
 */
public final class ResidentIdNumber {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private final String value;

  private ResidentIdNumber(String value) {
    this.value = value;
  }

  /**
   * Parses and validates a number; a lower-case {@code x} is accepted. Throws {@link
   * IllegalArgumentException} with a reason a person can act on (in Chinese).
   */
  public static ResidentIdNumber parse(String raw) {
    String v = normalise(raw);
    if (!v.matches("\\d{17}[\\dX]")) {
      throw new IllegalArgumentException("身份证号应为18位，最后一位可以是数字或X");
    }
    try {
      LocalDate.of(
          Integer.parseInt(v.substring(6, 10)),
          Integer.parseInt(v.substring(10, 12)),
          Integer.parseInt(v.substring(12, 14)));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("身份证号中的出生日期无效，请核对");
    }
    if (checkCharacter(v.substring(0, 17)) != v.charAt(17)) {
      throw new IllegalArgumentException("身份证号校验位不正确，请核对后重新输入");
    }
    return new ResidentIdNumber(v);
  }

  public static boolean isValid(String raw) {
    try {
      parse(raw);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The check character for the first seventeen digits. */
  public static char checkCharacter(String first17) {
    if (!first17.matches("\\d{17}")) {
      throw new IllegalArgumentException("seventeen digits expected");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  static String normalise(String raw) {
    return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
  }

  public String value() {
    return value;
  }

  public String lastFour() {
    return value.substring(14);
  }

  /** E.g. {@code 110105********1234}: region kept, birth date and sequence hidden. */
  public String masked() {
    return Masking.maskIdNumber(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResidentIdNumber other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }
}
