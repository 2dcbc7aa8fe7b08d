package org.gradphoto.capture.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.capture.domain.Attempt;

/** Capture attempts. Calls run inside the caller's unit of work. */
public interface AttemptRepository {
  Uni<Optional<Attempt>> find(UUID attemptId);

  /** Oldest first. */
  Uni<List<Attempt>> ofCollection(UUID collectionId);

  Uni<Integer> count(UUID collectionId);

  /** The attempt an earlier try of the same upload created (Idempotency-Key). */
  Uni<Optional<Attempt>> byClientKey(UUID collectionId, String clientKey);

  /**
   * Attempts rendered before {@code renderedBefore} whose photo objects are still stored though
   * they can no longer be submitted: neither submitted nor passed, in a collection that is locked
   * (passed, completed, delivered) or whose capture window closed before {@code renderedBefore}.
   * Oldest first, at most {@code limit}.
   */
  Uni<List<Attempt>> abandonedWithPhoto(Instant renderedBefore, int limit);

  /**
   * Attempts rendered before {@code renderedBefore} whose objects written after the answer (the
   * original, the cut-out) were not yet seen stored. Oldest first, at most {@code limit}.
   */
  Uni<List<Attempt>> unconfirmed(Instant renderedBefore, int limit);

  /** Stores a new attempt (no read first: the id is fresh). */
  Uni<Void> add(Attempt attempt);

  Uni<Void> save(Attempt attempt);

  Uni<Void> delete(UUID attemptId);
}
