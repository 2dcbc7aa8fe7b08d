package org.gradphoto.review.application.port.out;

import java.util.List;
import org.gradphoto.review.domain.Outcome;

/** Operational metrics: decisions per reviewer, queue depth and overdue tasks. */
public interface ReviewMetrics {
  void decided(String reviewerId, Outcome outcome);

  void queue(List<ReviewTasks.SchoolQueue> perSchool);
}
