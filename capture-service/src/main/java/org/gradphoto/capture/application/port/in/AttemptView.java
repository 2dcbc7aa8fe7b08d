package org.gradphoto.capture.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.capture.domain.CropHint;
import org.gradphoto.capture.domain.Finding;
import org.gradphoto.capture.domain.PhotoSpec;

/**
 * One attempt as the student sees it: the preview (a short-lived URL of the standardized JPEG), the
 * findings in Chinese, the measured geometry and the spec's windows to draw guide lines with.
 *
 * @param backgroundColours the colours this attempt may be rendered on again (the batch's, as far
 *     as its photo profile allows; the first is the default), so the preview can offer the choice
 * @param accepted no finding is a REJECT
 * @param submittable the student may submit it now (capture open and findings allow it)
 * @param preview null when the engine produced no photo (no face, several people, head cut off):
 *     the findings say what to do
 */
public record AttemptView(
    UUID attemptId,
    UUID collectionId,
    int number,
    String status,
    Instant createdAt,
    Instant renderedAt,
    String backgroundColour,
    List<String> backgroundColours,
    CropHint cropHint,
    boolean accepted,
    boolean submittable,
    List<Finding> findings,
    Map<String, Double> geometry,
    PhotoSpec guide,
    Preview preview) {

  /** Where to GET the standardized photo, until {@code expiresAt}. */
  public record Preview(String standardizedUrl, Instant expiresAt) {}
}
