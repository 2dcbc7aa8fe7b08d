package org.gradphoto.review.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.gradphoto.review.domain.ClaimLease;
import org.gradphoto.review.domain.WorkingCalendar;

/** Domain settings built from configuration, and the clock (tests replace it). */
@ApplicationScoped
public class ReviewBeans {

  @Produces
  @DefaultBean
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  WorkingCalendar calendar(ReviewConfig config) {
    return new WorkingCalendar(
        ZoneId.of(config.zone()),
        Set.copyOf(config.holidays().orElse(List.of())),
        Set.copyOf(config.workingWeekendDays().orElse(List.of())));
  }

  @Produces
  @Singleton
  ClaimLease lease(ReviewConfig config) {
    return new ClaimLease(config.lease());
  }
}
