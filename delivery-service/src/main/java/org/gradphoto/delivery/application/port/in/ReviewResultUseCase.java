package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.delivery.domain.NotificationKind;

/** A review result arrived: update the student's status and notify them if they authorised it. */
public interface ReviewResultUseCase {
  Uni<Void> reviewed(ReviewResult result);

  record ReviewResult(UUID eventId, UUID collectionId, NotificationKind kind, Instant decidedAt) {}
}
