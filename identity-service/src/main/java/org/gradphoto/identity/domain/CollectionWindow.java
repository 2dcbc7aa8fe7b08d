package org.gradphoto.identity.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The time a batch is open for eligibility and capture (开通时间), shown in Beijing time. */
public record CollectionWindow(Instant opensAt, Instant closesAt) {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  public CollectionWindow {
    if (opensAt == null || closesAt == null || !opensAt.isBefore(closesAt)) {
      throw new IdentityRefusal(IdentityRefusal.Reason.WINDOW_NOT_ORDERED);
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(opensAt) && t.isBefore(closesAt);
  }

  /** E.g. {@code 2026年6月9日 00:00 至 2026年6月13日 00:00（北京时间）}. */
  public String describe() {
    return SHOWN.format(opensAt.atZone(SHANGHAI))
        + " 至 "
        + SHOWN.format(closesAt.atZone(SHANGHAI))
        + "（北京时间）";
  }
}
