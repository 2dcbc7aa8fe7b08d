package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.delivery.domain.PackageBuild;
import org.gradphoto.delivery.domain.SchoolPackage;

/** School packages and the queue of those still to build. */
public interface PackageRepository {
  Uni<Optional<SchoolPackage>> find(UUID packageId);

  Uni<Void> save(SchoolPackage pkg);

  Uni<List<SchoolPackage>> ofBatch(String schoolCode, UUID batchId);

  /**
   * Takes the oldest queued package (or one whose builder's lease ran out) for a new build of this
   * worker, leased for {@code lease}, so two replicas never build the same package at once.
   */
  Uni<Optional<PackageBuild>> claimNext(Duration lease);

  /**
   * Extends the build's lease by {@code lease} from now; false when the package is no longer this
   * build's (another builder took it over, or it is ready or failed).
   */
  Uni<Boolean> renew(PackageBuild build, Duration lease);

  /**
   * Records the build's outcome (ready or failed) if the package is still this build's, holding the
   * row locked until the transaction ends so that whatever the caller does next in it (marking
   * collections delivered, the event) happens for exactly one build; false, and nothing changed,
   * otherwise.
   */
  Uni<Boolean> settle(PackageBuild build, SchoolPackage outcome);
}
