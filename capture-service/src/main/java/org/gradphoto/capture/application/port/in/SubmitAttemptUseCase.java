package org.gradphoto.capture.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * The student submits one attempt for review; {@code PhotoSubmitted} is published with it.
 * Submitting the attempt that is already under review again answers the same (a retried request).
 */
public interface SubmitAttemptUseCase {
  Uni<CaptureStatusView> submit(UUID studentId, UUID collectionId, UUID attemptId);
}
