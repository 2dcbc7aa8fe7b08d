package org.gradphoto.identity.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The identity documents a roster may list; the names travel in EligibilityGranted. */
public enum IdType {
  RESIDENT_ID("居民身份证", "身份证"),
  HK_MACAO_PERMIT("港澳居民来往内地通行证", "港澳通行证"),
  TAIWAN_PERMIT("台湾居民来往大陆通行证", "台胞证"),
  PASSPORT("护照");

  private final List<String> labels;

  IdType(String... labels) {
    this.labels = List.of(labels);
  }

  /** The Chinese name shown to people. */
  public String label() {
    return labels.get(0);
  }

  /**
   * Reads a type as a roster file or a client writes it: the enum name or a Chinese label; blank
   * means a resident ID card, the common case.
   */
  public static Optional<IdType> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.of(RESIDENT_ID);
    }
    String v = raw.strip();
    return Arrays.stream(values())
        .filter(t -> t.name().equals(v.toUpperCase(Locale.ROOT)) || t.labels.contains(v))
        .findFirst();
  }
}
