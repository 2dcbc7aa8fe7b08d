package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.delivery.domain.StudentCollection;

/** Delivery's record of each collection. */
public interface CollectionRepository {
  Uni<Optional<StudentCollection>> find(UUID collectionId);

  Uni<Void> save(StudentCollection collection);

  Uni<List<StudentCollection>> ofStudent(UUID studentId);

  Uni<List<StudentCollection>> ofBatch(String schoolCode, UUID batchId);

  /** Marks these completed collections delivered in the given package. */
  Uni<Void> markDelivered(List<UUID> collectionIds, UUID packageId, Instant at);
}
