package org.gradphoto.review.domain;

import java.time.Duration;

/** How long a claim holds a task before it returns to the queue by itself. */
public record ClaimLease(Duration duration) {
  public ClaimLease {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a claim lease must be positive");
    }
  }
}
