package org.gradphoto.capture.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/** A student's attempts of one of their collections, oldest first, with previews. */
public interface AttemptQuery {
  Uni<List<AttemptView>> attempts(UUID studentId, UUID collectionId);

  Uni<AttemptView> attempt(UUID studentId, UUID collectionId, UUID attemptId);
}
