package org.gradphoto.review.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a batch's review promise into a due time. {@code PT24H} (or any ISO duration) is counted on
 * the clock; {@code P2WD} means two working days: weekends and configured public holidays are
 * skipped, and weekend days the authorities declared working days (调休) count.
 */
public record WorkingCalendar(
    ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
  /** The promise used while a collection's batch terms are not known yet: the stricter one. */
  public static final String DEFAULT_PROMISE = "PT24H";

  private static final Pattern WORKING_DAYS = Pattern.compile("P(\\d{1,2})WD");

  public WorkingCalendar {
    holidays = Set.copyOf(holidays);
    workingWeekendDays = Set.copyOf(workingWeekendDays);
  }

  /**
   * When a photo submitted at {@code submittedAt} must be decided. {@code nWD}: the same time of
   * day on the n-th working day after the day of submission. An unreadable promise counts as {@link
   * #DEFAULT_PROMISE}.
   */
  public Instant dueAt(Instant submittedAt, String promise) {
    String p =
        promise == null ? DEFAULT_PROMISE : promise.trim().toUpperCase(java.util.Locale.ROOT);
    Matcher m = WORKING_DAYS.matcher(p);
    if (m.matches()) {
      int days = Integer.parseInt(m.group(1));
      ZonedDateTime at = submittedAt.atZone(zone);
      LocalDate day = at.toLocalDate();
      int counted = 0;
      while (counted < days) {
        day = day.plusDays(1);
        if (isWorkingDay(day)) {
          counted++;
        }
      }
      return at.with(day).toInstant();
    }
    try {
      Duration d = Duration.parse(p);
      return submittedAt.plus(d.isNegative() || d.isZero() ? Duration.ofHours(24) : d);
    } catch (DateTimeParseException e) {
      return submittedAt.plus(Duration.ofHours(24));
    }
  }

  public boolean isWorkingDay(LocalDate day) {
    if (holidays.contains(day)) {
      return false;
    }
    boolean weekend =
        day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    return !weekend || workingWeekendDays.contains(day);
  }
}
