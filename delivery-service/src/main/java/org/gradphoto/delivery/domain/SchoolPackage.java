package org.gradphoto.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A school's package for one batch: a ZIP of every completed photo named by the school's
 * convention, with a manifest (CSV and XLSX) and the list of students still missing.
 */
public record SchoolPackage(
    UUID packageId,
    String schoolCode,
    UUID batchId,
    NamingConvention naming,
    PackageStatus status,
    String requestedBy,
    Instant requestedAt,
    String objectKey,
    String fileName,
    int photoCount,
    int missingCount,
    long sizeBytes,
    String sha256,
    Instant readyAt,
    String failure) {

  public static SchoolPackage requested(
      UUID packageId,
      String schoolCode,
      UUID batchId,
      NamingConvention naming,
      String requestedBy,
      Instant at) {
    return new SchoolPackage(
        packageId,
        schoolCode,
        batchId,
        naming,
        PackageStatus.REQUESTED,
        requestedBy,
        at,
        null,
        null,
        0,
        0,
        0,
        null,
        null,
        null);
  }

  public SchoolPackage ready(
      String objectKey,
      String fileName,
      int photoCount,
      int missingCount,
      long sizeBytes,
      String sha256,
      Instant at) {
    return new SchoolPackage(
        packageId,
        schoolCode,
        batchId,
        naming,
        PackageStatus.READY,
        requestedBy,
        requestedAt,
        objectKey,
        fileName,
        photoCount,
        missingCount,
        sizeBytes,
        sha256,
        at,
        null);
  }

  public SchoolPackage failed(String reason) {
    return new SchoolPackage(
        packageId,
        schoolCode,
        batchId,
        naming,
        PackageStatus.FAILED,
        requestedBy,
        requestedAt,
        null,
        null,
        0,
        0,
        0,
        null,
        null,
        reason);
  }
}
