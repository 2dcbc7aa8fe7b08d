package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import org.gradphoto.delivery.domain.PackagePlan;

/**
 * Streams a package ZIP (photos, manifest in CSV and XLSX, missing students) into delivery's bucket
 * without holding it whole in memory.
 */
public interface PackageArchiver {
  Uni<Archived> archive(PackagePlan plan);

  record Archived(long sizeBytes, String sha256) {}
}
