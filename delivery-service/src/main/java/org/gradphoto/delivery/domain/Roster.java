package org.gradphoto.delivery.domain;

import java.util.UUID;

/**
 * Who a collection belongs to, as identity-service granted it (EligibilityGranted). Personal fields
 * (name, student number, sealed ID number) are never logged.
 */
public record Roster(
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

  /** The same facts with nobody owning them (an unbinding revoked the account's binding). */
  public Roster withoutStudent() {
    return new Roster(
        null,
        batchId,
        batchName,
        schoolCode,
        schoolName,
        studentNumber,
        studentName,
        idType,
        idNumberMasked,
        idNumberSealed,
        specProfile);
  }

  /** What a completion alone tells, before identity's event has been seen. */
  public static Roster partial(UUID studentId, UUID batchId, String schoolCode, String profile) {
    return new Roster(
        studentId, batchId, null, schoolCode, null, null, null, null, null, null, profile);
  }

  public Roster withSpecProfile(String profile) {
    return new Roster(
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
        profile);
  }
}
