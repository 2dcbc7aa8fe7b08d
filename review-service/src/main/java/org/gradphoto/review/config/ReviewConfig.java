package org.gradphoto.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Settings of review-service ({@code gradphoto.review.*}). */
@ConfigMapping(prefix = "gradphoto.review")
public interface ReviewConfig {
  /** How long a claim holds a task before it returns to the queue. */
  @WithDefault("PT10M")
  Duration lease();

  /** Time zone of the working-day calendar. */
  @WithDefault("Asia/Shanghai")
  String zone();

  /** Public holidays (no review on them): ISO dates, comma-separated. */
  Optional<List<LocalDate>> holidays();

  /** Weekend days declared working days (调休): ISO dates, comma-separated. */
  Optional<List<LocalDate>> workingWeekendDays();

  /** How often the queue gauges are recounted. */
  @WithDefault("15s")
  String metricsRefresh();
}
