package org.gradphoto.identity.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.identity.domain.CollectionStatus;

/** Keeps a collection's status current from the payment, capture, review and delivery events. */
public interface CollectionProgressUseCase {
  Uni<Void> advance(
      UUID collectionId,
      CollectionStatus next,
      Instant at,
      List<CollectionsQuery.Reason> rejectionReasons);

  Uni<Void> paymentChanged(UUID collectionId, boolean paid, Instant at);
}
