package org.gradphoto.capture.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.capture.domain.CropHint;

/**
 * Re-renders an attempt from its original with another guide frame and/or background colour; what
 * is not given stays as it was.
 */
public interface AdjustAttemptUseCase {
  Uni<AttemptView> adjust(AdjustAttemptCommand command);

  record AdjustAttemptCommand(
      UUID studentId,
      UUID collectionId,
      UUID attemptId,
      Optional<CropHint> cropHint,
      Optional<String> background) {}
}
