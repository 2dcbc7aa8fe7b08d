package org.gradphoto.delivery.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One student's collection in one batch, as delivery keeps it: who (from EligibilityGranted), the
 * pinned standard photo (from CollectionCompleted) and whether a school package has taken it.
 * Personal fields (name, student number, sealed ID number) are never logged.
 */
public record StudentCollection(
    UUID collectionId,
    UUID studentId,
    UUID batchId,
    String batchName,
    String schoolCode,
    String schoolName,
    String studentNumber,
    String studentName,
    String idType,
    String idNumberMasked,
    String idNumberSealed,
    String specProfile,
    CollectionStatus status,
    PinnedPhoto photo,
    Instant completedAt,
    UUID deliveredPackageId,
    Instant deliveredAt) {

  public StudentCollection {
    Objects.requireNonNull(collectionId, "collectionId");
    Objects.requireNonNull(status, "status");
  }

  /** A collection first heard of through EligibilityGranted. */
  public static StudentCollection eligible(
      UUID collectionId,
      UUID studentId,
      UUID batchId,
      String batchName,
      String schoolCode,
      String schoolName,
      String studentNumber,
      String studentName,
      String idType,
      String idNumberMasked,
      String idNumberSealed,
      String specProfile) {
    return new StudentCollection(
        collectionId,
        studentId,
        batchId,
        batchName,
        schoolCode,
        schoolName,
        studentNumber,
        studentName,
        idType,
        idNumberMasked,
        idNumberSealed,
        specProfile,
        CollectionStatus.COLLECTING,
        null,
        null,
        null,
        null);
  }

  /** Fills in the roster facts, keeping whatever progress is already known. */
  public StudentCollection withRosterFacts(StudentCollection facts) {
    return new StudentCollection(
        collectionId,
        facts.studentId,
        facts.batchId,
        facts.batchName,
        facts.schoolCode,
        facts.schoolName,
        facts.studentNumber,
        facts.studentName,
        facts.idType,
        facts.idNumberMasked,
        facts.idNumberSealed,
        specProfile != null ? specProfile : facts.specProfile,
        status,
        photo,
        completedAt,
        deliveredPackageId,
        deliveredAt);
  }

  /** A review result arrived; it never moves a completed or delivered collection back. */
  public StudentCollection reviewed(boolean passed) {
    if (status.hasStandardPhoto()) {
      return this;
    }
    return withStatus(passed ? CollectionStatus.REVIEW_PASSED : CollectionStatus.REJECTED);
  }

  public boolean isLocked() {
    return status == CollectionStatus.DELIVERED;
  }

  /** Pins the approved photo; a delivered collection is locked and keeps its photo. */
  public StudentCollection completed(
      UUID studentId,
      UUID batchId,
      String schoolCode,
      String specProfile,
      PinnedPhoto photo,
      Instant completedAt) {
    if (isLocked()) {
      return this;
    }
    return new StudentCollection(
        collectionId,
        this.studentId != null ? this.studentId : studentId,
        this.batchId != null ? this.batchId : batchId,
        batchName,
        this.schoolCode != null ? this.schoolCode : schoolCode,
        schoolName,
        studentNumber,
        studentName,
        idType,
        idNumberMasked,
        idNumberSealed,
        specProfile,
        CollectionStatus.COMPLETED,
        photo,
        completedAt,
        null,
        null);
  }

  public StudentCollection delivered(UUID packageId, Instant at) {
    if (!status.hasStandardPhoto()) {
      throw new IllegalStateException("only a completed collection can be delivered");
    }
    return new StudentCollection(
        collectionId,
        studentId,
        batchId,
        batchName,
        schoolCode,
        schoolName,
        studentNumber,
        studentName,
        idType,
        idNumberMasked,
        idNumberSealed,
        specProfile,
        CollectionStatus.DELIVERED,
        photo,
        completedAt,
        packageId,
        at);
  }

  public boolean belongsTo(UUID student) {
    return studentId != null && studentId.equals(student);
  }

  private StudentCollection withStatus(CollectionStatus s) {
    return new StudentCollection(
        collectionId,
        studentId,
        batchId,
        batchName,
        schoolCode,
        schoolName,
        studentNumber,
        studentName,
        idType,
        idNumberMasked,
        idNumberSealed,
        specProfile,
        s,
        photo,
        completedAt,
        deliveredPackageId,
        deliveredAt);
  }
}
