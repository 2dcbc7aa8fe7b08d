package org.gradphoto.capture.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/** What a student should do next with their collections. */
public interface CaptureStatusQuery {
  Uni<List<CaptureStatusView>> mine(UUID studentId);

  /** Not found unless the collection is the student's own. */
  Uni<CaptureStatusView> status(UUID studentId, UUID collectionId);
}
