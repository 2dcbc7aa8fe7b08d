package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Mode C matches shown to a student and waiting for their confirmation. */
public interface PendingMatches {
  record PendingMatch(UUID id, UUID studentId, UUID rosterEntryId, Instant expiresAt) {}

  Uni<Void> save(PendingMatch match);

  /** The student's own, unexpired match. */
  Uni<Optional<PendingMatch>> find(UUID matchId, UUID studentId, Instant now);
}
