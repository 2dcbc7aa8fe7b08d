package org.gradphoto.review.application.port.in;

import io.smallrye.mutiny.Uni;

/** Recounts queue depth and overdue tasks for the metrics. */
public interface RefreshQueueMetricsUseCase {
  Uni<Void> refreshQueueMetrics();
}
