package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A student submitted one capture attempt for review. Object keys point into the photo bucket;
 * findings and geometry are the engine's measurements on the standardized photo.
 */
public record PhotoSubmitted(
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
    Instant submittedAt)
    implements EventPayload {

  /** One finding of the engine as the student saw it. */
  public record Finding(
      String code, String severity, String message, Double measured, String threshold) {}
}
