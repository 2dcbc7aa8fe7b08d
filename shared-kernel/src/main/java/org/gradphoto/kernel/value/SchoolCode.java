package org.gradphoto.kernel.value;

import java.util.regex.Pattern;

/** The five-digit code the Ministry of Education gives each higher-education institution. */
public record SchoolCode(String value) {
  private static final Pattern FORMAT = Pattern.compile("\\d{5}");

  public SchoolCode {
    if (value == null || !FORMAT.matcher(value.strip()).matches()) {
      throw new IllegalArgumentException("a school code has five digits");
    }
    value = value.strip();
  }

  public static SchoolCode of(String value) {
    return new SchoolCode(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
