package org.gradphoto.identity.domain;

import java.util.Locale;
import org.gradphoto.kernel.value.Masking;
import org.gradphoto.kernel.value.ResidentIdNumber;

/**
 * An identity document: its type and normalised number. Resident ID numbers are checked against GB
 * 11643 (check digit, birth date); the other documents only for a plausible shape, since their
 * numbering differs by issue year. {@code toString} is masked so a number never reaches a log.
 */
public record IdDocument(IdType type, String number) {

  /** Validates and normalises; throws IllegalArgumentException with a Chinese reason. */
  public static IdDocument of(IdType type, String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("请填写证件号码");
    }
    if (type == IdType.RESIDENT_ID) {
      return new IdDocument(type, ResidentIdNumber.parse(raw).value());
    }
    String v = raw.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    if (!v.matches("[A-Z0-9]{5,20}")) {
      throw new IllegalArgumentException("证件号码应为5至20位字母或数字");
    }
    return new IdDocument(type, v);
  }

  /** What the keyed hash is computed over: the type is part of it, numbers of two types differ. */
  public String lookupKey() {
    return type.name() + ":" + number;
  }

  public String lastFour() {
    return number.substring(number.length() - 4);
  }

  public String masked() {
    return Masking.maskIdNumber(number);
  }

  @Override
  public String toString() {
    return type + ":" + masked();
  }
}
