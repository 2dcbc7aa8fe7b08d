package org.gradphoto.review.domain;

import java.time.Instant;
import java.util.List;

/** A final decision on a task: who, when, what and why. */
public record Decision(
    Outcome outcome,
    List<GivenReason> reasons,
    String note,
    String reviewerId,
    String reviewerName,
    Instant decidedAt) {
  public Decision {
    reasons = List.copyOf(reasons);
  }
}
