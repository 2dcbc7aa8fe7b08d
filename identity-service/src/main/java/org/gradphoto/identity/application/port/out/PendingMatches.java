package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.identity.domain.EligibilityMode;

/** Matches shown to a student (any mode) and waiting for their confirmation. */
public interface PendingMatches {
  /** {@code mode}: how the student was matched; the grant on confirmation is for that mode. */
  record PendingMatch(
      UUID id, UUID studentId, UUID rosterEntryId, Instant expiresAt, EligibilityMode mode) {}

  Uni<Void> save(PendingMatch match);

  /** The student's own, unexpired match. */
  Uni<Optional<PendingMatch>> find(UUID matchId, UUID studentId, Instant now);
}
