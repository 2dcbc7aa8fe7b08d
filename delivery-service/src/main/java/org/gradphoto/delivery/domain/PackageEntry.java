package org.gradphoto.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One photo in a school package and its manifest row; the photo is {@code photos/<fileName>} in the
 * ZIP.
 */
public record PackageEntry(
    UUID collectionId,
    String objectKey,
    String fileName,
    String sha256,
    long sizeBytes,
    String studentNumber,
    String studentName,
    String idNumberMasked,
    Instant completedAt) {}
