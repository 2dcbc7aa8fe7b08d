package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.gradphoto.delivery.domain.Roster;

/** Remember who a collection belongs to (from EligibilityGranted). */
public interface RecordEligibilityUseCase {
  Uni<Void> record(UUID collectionId, Roster roster);

  /** The binding was revoked (BindingRevoked): the old account loses the collection. */
  Uni<Void> revoked(UUID collectionId);
}
