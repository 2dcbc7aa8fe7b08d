package org.gradphoto.delivery.domain;

import java.util.UUID;

/**
 * A student of the batch whose photo is not complete yet; {@code collectionId} is null for one who
 * never started ({@link CollectionStatus#NOT_STARTED}).
 */
public record MissingStudent(
    UUID collectionId,
    String studentNumber,
    String studentName,
    String idNumberMasked,
    CollectionStatus status) {}
