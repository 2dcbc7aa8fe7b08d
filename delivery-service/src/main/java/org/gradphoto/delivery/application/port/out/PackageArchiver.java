package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import org.gradphoto.delivery.domain.PackagePlan;

/**
 * Streams a package ZIP (photos, manifest in CSV and XLSX, missing students) into delivery's bucket
 * without holding it whole in memory.
 */
public interface PackageArchiver {
  /**
   * Writes the plan's ZIP, asking {@code lease} before each photo whether the build still holds the
   * package; when it does not (or anything fails) the archive stops and its object is removed.
   */
  Uni<Archived> archive(PackagePlan plan, Lease lease);

  /** Removes a ZIP this builder wrote but may not deliver (its build lost the package). */
  Uni<Void> discard(String objectKey);

  record Archived(long sizeBytes, String sha256) {}

  /** Asked from the archiving thread (blocking work) between photos. */
  interface Lease {
    /** Returns when the build still holds its package; throws {@link LeaseLost} otherwise. */
    void stillHeld();
  }

  /** The build's package was taken over by another builder or settled meanwhile. */
  final class LeaseLost extends RuntimeException {
    public LeaseLost(String message) {
      super(message);
    }
  }
}
