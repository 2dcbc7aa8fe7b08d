package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.delivery.domain.SchoolPackage;

/** School packages and the queue of those still to build. */
public interface PackageRepository {
  Uni<Optional<SchoolPackage>> find(UUID packageId);

  Uni<Void> save(SchoolPackage pkg);

  Uni<List<SchoolPackage>> ofBatch(String schoolCode, UUID batchId);

  /**
   * Takes the oldest queued package (or one whose builder vanished) for this worker for {@code
   * lease}, so two replicas never build the same package at once.
   */
  Uni<Optional<SchoolPackage>> claimNext(Duration lease);
}
