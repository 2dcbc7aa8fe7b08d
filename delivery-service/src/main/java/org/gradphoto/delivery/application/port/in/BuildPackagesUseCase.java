package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.gradphoto.delivery.domain.PackageBuild;

/**
 * The packaging worker: claims the oldest queued package (or one whose builder vanished) and builds
 * it, renewing the lease while it writes.
 */
public interface BuildPackagesUseCase {
  Uni<Optional<PackageBuild>> claimNext();

  /** Builds a claimed package; tells whether it was built, failed, or lost to another builder. */
  Uni<Outcome> build(PackageBuild build);

  enum Outcome {
    /** Ready, collections delivered, PhotosDelivered emitted. */
    BUILT,
    /** Recorded as failed; the school may ask again. */
    FAILED,
    /** Another builder holds the package now: nothing recorded, this build's ZIP removed. */
    LOST
  }
}
