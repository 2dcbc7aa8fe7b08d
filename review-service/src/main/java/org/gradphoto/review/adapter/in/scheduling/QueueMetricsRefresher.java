package org.gradphoto.review.adapter.in.scheduling;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gradphoto.kernel.logging.Redacted;
import org.gradphoto.review.application.port.in.RefreshQueueMetricsUseCase;

/** Recounts the queue gauges now and then (a gauge cannot query the database itself). */
@ApplicationScoped
class QueueMetricsRefresher {
  private final RefreshQueueMetricsUseCase metrics;

  QueueMetricsRefresher(RefreshQueueMetricsUseCase metrics) {
    this.metrics = metrics;
  }

  @Scheduled(
      identity = "review-queue-metrics",
      every = "${gradphoto.review.metrics-refresh:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return Panache.withSession(metrics::refreshQueueMetrics)
        .onFailure()
        .invoke(e -> Log.warnf("queue metrics not refreshed: %s", Redacted.describe(e)))
        .onFailure()
        .recoverWithNull();
  }
}
