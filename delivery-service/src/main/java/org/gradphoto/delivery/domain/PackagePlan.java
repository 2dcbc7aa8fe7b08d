package org.gradphoto.delivery.domain;

import java.util.List;

/** What goes into one package ZIP, decided before a byte is written. */
public record PackagePlan(
    SchoolPackage pkg,
    String objectKey,
    String fileName,
    List<PackageEntry> entries,
    List<MissingStudent> missing) {
  public PackagePlan {
    entries = List.copyOf(entries);
    missing = List.copyOf(missing);
  }
}
