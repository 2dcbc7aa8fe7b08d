package org.gradphoto.kernel.value;

/** A mainland China mobile number (11 digits starting with 1); masked in {@code toString}. */
public record PhoneNumber(String value) {
  public PhoneNumber {
    String digits = value == null ? "" : value.replaceAll("[\\s-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    }
    if (!digits.matches("1[3-9]\\d{9}")) {
      throw new IllegalArgumentException("手机号应为11位数字，以1开头");
    }
    value = digits;
  }

  public String masked() {
    return Masking.maskPhone(value);
  }

  @Override
  public String toString() {
    return masked();
  }
}
