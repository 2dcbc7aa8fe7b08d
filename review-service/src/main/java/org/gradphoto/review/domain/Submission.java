package org.gradphoto.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One submitted capture attempt as review-service keeps it: where its images are, what the engine
 * found and measured, and when it came in.
 */
public record Submission(
    UUID collectionId,
    UUID attemptId,
    UUID studentId,
    UUID batchId,
    String schoolCode,
    String specProfile,
    String standardizedKey,
    String originalKey,
    String cutoutKey,
    String backgroundColour,
    List<Finding> findings,
    Map<String, Double> geometry,
    Instant submittedAt) {
  public Submission {
    findings = findings == null ? List.of() : List.copyOf(findings);
    geometry = geometry == null ? Map.of() : Map.copyOf(geometry);
  }

  /** Submitted with findings the engine would have refused: worth a reviewer's closer look. */
  public boolean flagged() {
    return findings.stream().anyMatch(Finding::isReject);
  }
}
