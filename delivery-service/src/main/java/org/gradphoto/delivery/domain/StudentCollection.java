package org.gradphoto.delivery.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One student's collection in one batch, as delivery keeps it: who (the roster facts), the pinned
 * standard photo (from CollectionCompleted) and whether a school package has taken it.
 */
public record StudentCollection(
    UUID collectionId,
    Roster roster,
    CollectionStatus status,
    PinnedPhoto photo,
    Instant completedAt,
    UUID deliveredPackageId,
    Instant deliveredAt) {

  public StudentCollection {
    Objects.requireNonNull(collectionId, "collectionId");
    Objects.requireNonNull(roster, "roster");
    Objects.requireNonNull(status, "status");
  }

  /** A collection first heard of through EligibilityGranted. */
  public static StudentCollection eligible(UUID collectionId, Roster roster) {
    return new StudentCollection(
        collectionId, roster, CollectionStatus.COLLECTING, null, null, null, null);
  }

  /**
   * Takes the roster facts, keeping whatever progress is already known, and the spec profile
   * already known (a completion's profile is what the pinned photo was made to).
   */
  public StudentCollection withRoster(Roster facts) {
    Roster next =
        roster.specProfile() == null ? facts : facts.withSpecProfile(roster.specProfile());
    return new StudentCollection(
        collectionId, next, status, photo, completedAt, deliveredPackageId, deliveredAt);
  }

  /** A review result arrived; it never moves a completed or delivered collection back. */
  public StudentCollection reviewed(boolean passed) {
    if (status.hasStandardPhoto()) {
      return this;
    }
    CollectionStatus next = passed ? CollectionStatus.REVIEW_PASSED : CollectionStatus.REJECTED;
    return new StudentCollection(
        collectionId, roster, next, photo, completedAt, deliveredPackageId, deliveredAt);
  }

  public boolean isLocked() {
    return status == CollectionStatus.DELIVERED;
  }

  /**
   * Pins the approved photo, made to {@code specProfile}; a delivered collection is locked and
   * keeps its photo.
   */
  public StudentCollection completed(String specProfile, PinnedPhoto pinned, Instant at) {
    if (isLocked()) {
      return this;
    }
    Roster next = specProfile == null ? roster : roster.withSpecProfile(specProfile);
    return new StudentCollection(
        collectionId, next, CollectionStatus.COMPLETED, pinned, at, null, null);
  }

  /**
   * An operator unbound the roster entry from the account: nobody owns the collection, and the
   * photo that account's collection reached (even one a package took) is no longer the student's;
   * the rightful student's completion pins theirs and the next package takes it.
   */
  public StudentCollection revoked() {
    return new StudentCollection(
        collectionId, roster.withoutStudent(), CollectionStatus.COLLECTING, null, null, null, null);
  }

  public boolean belongsTo(UUID student) {
    return roster.studentId() != null && roster.studentId().equals(student);
  }

  public UUID studentId() {
    return roster.studentId();
  }

  public UUID batchId() {
    return roster.batchId();
  }

  public String schoolCode() {
    return roster.schoolCode();
  }

  public String studentNumber() {
    return roster.studentNumber();
  }

  public String studentName() {
    return roster.studentName();
  }

  public String idNumberMasked() {
    return roster.idNumberMasked();
  }

  public String idNumberSealed() {
    return roster.idNumberSealed();
  }
}
