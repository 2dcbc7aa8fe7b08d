package org.gradphoto.review.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final WorkingCalendar calendar =
      new WorkingCalendar(
          SHANGHAI,
          Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)),
          Set.of(LocalDate.of(2026, 10, 10)));

  private static Instant at(int month, int day, int hour) {
    return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, SHANGHAI).toInstant();
  }

  @Test
  void a_24_hour_promise_is_counted_on_the_clock_even_over_a_weekend() {
    assertEquals(at(11, 28, 10), calendar.dueAt(at(11, 27, 10), "PT24H"));
  }

  @Test
  void two_working_days_from_a_friday_end_on_the_tuesday() {
    assertEquals(at(12, 1, 10), calendar.dueAt(at(11, 27, 10), "P2WD"));
  }

  @Test
  void two_working_days_from_a_saturday_also_end_on_the_tuesday() {
    assertEquals(at(12, 1, 15), calendar.dueAt(at(11, 28, 15), "P2WD"));
  }

  @Test
  void public_holidays_are_skipped_and_declared_working_weekends_count() {
    // Wed 30 Sep: Thu 1 and Fri 2 Oct are holidays, Sat 3 and Sun 4 a weekend.
    assertEquals(at(10, 6, 9), calendar.dueAt(at(9, 30, 9), "P2WD"));
    // Fri 9 Oct: Saturday 10 Oct is a declared working day.
    assertEquals(at(10, 12, 9), calendar.dueAt(at(10, 9, 9), "P2WD"));
  }

  @Test
  void an_unknown_promise_counts_as_24_hours() {
    assertEquals(at(11, 24, 8), calendar.dueAt(at(11, 23, 8), "soon"));
    assertEquals(at(11, 24, 8), calendar.dueAt(at(11, 23, 8), null));
  }
}
