package org.gradphoto.review.adapter.out.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.gradphoto.review.application.port.out.ReviewMetrics;
import org.gradphoto.review.application.port.out.ReviewTasks;
import org.gradphoto.review.domain.Outcome;

/**
 * {@code review_decisions_total{reviewer,outcome}} (decisions per reviewer per hour is its {@code
 * increase(...[1h])}), and per school {@code review_queue_depth} and {@code review_queue_overdue}
 * gauges, refreshed from the database.
 */
@ApplicationScoped
class MicrometerReviewMetrics implements ReviewMetrics {
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> depth = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();

  MicrometerReviewMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void decided(String reviewerId, Outcome outcome) {
    registry
        .counter(
            "review.decisions", "reviewer", reviewerId, "outcome", outcome.name().toLowerCase())
        .increment();
  }

  @Override
  public void queue(List<ReviewTasks.SchoolQueue> perSchool) {
    depth.values().forEach(v -> v.set(0));
    overdue.values().forEach(v -> v.set(0));
    for (ReviewTasks.SchoolQueue q : perSchool) {
      String school = q.schoolCode() == null ? "unknown" : q.schoolCode();
      gauge(depth, "review.queue.depth", "Open review tasks", school).set(q.open());
      gauge(overdue, "review.queue.overdue", "Open review tasks past their due time", school)
          .set(q.overdue());
    }
  }

  private AtomicLong gauge(
      Map<String, AtomicLong> values, String name, String help, String school) {
    return values.computeIfAbsent(
        school,
        s -> {
          AtomicLong v = new AtomicLong();
          Gauge.builder(name, v, AtomicLong::get)
              .description(help)
              .tag("school", s)
              .register(registry);
          return v;
        });
  }
}
