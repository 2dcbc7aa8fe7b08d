package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.identity.application.port.in.CollectionsQuery.CollectionView;
import org.gradphoto.identity.application.port.in.CollectionsQuery.Reason;
import org.gradphoto.identity.domain.CollectionStatus;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventEnvelope;

/** Collections and the binding of roster entries to students. */
public interface CollectionRepository {
  /**
   * In one transaction: binds the roster entry to the student if it is still free, creates the
   * collection and appends the event to the outbox. False (and nothing written) if another account
   * took the entry first.
   */
  Uni<Boolean> grant(EventEnvelope<EligibilityGranted> event, Instant at);

  Uni<Optional<UUID>> activeOf(UUID rosterEntryId, UUID studentId);

  /**
   * The collection an unbinding took from the entry's previous account (the newest), which the next
   * grant of the entry continues instead of opening a second one.
   */
  Uni<Optional<UUID>> revokedOf(UUID rosterEntryId);

  Uni<List<CollectionView>> ofStudent(UUID studentId);

  Uni<Optional<CollectionView>> one(UUID studentId, UUID collectionId);

  /**
   * Current status and when it was set, for the progress rules; empty if unknown. Locks the
   * collection until the transaction ends: events of two topics about one collection are consumed
   * concurrently, and each must see the status the other one wrote (else the older one may win).
   */
  Uni<Optional<Progress>> progress(UUID collectionId);

  Uni<Void> setStatus(UUID collectionId, CollectionStatus status, Instant at, List<Reason> reasons);

  Uni<Void> setPaid(UUID collectionId, boolean paid, Instant at);

  record Progress(CollectionStatus status, Instant since) {}
}
