package org.gradphoto.delivery.domain;

import java.util.UUID;

/**
 * A student on a batch's roster, as identity-service announced it (RosterEntriesChanged), whether
 * or not they ever started: what lets the missing list count those who never did. Only the student
 * number, the name and the masked ID number; never logged.
 */
public record RosterLine(
    UUID rosterEntryId,
    UUID batchId,
    String schoolCode,
    String studentNumber,
    String studentName,
    String idNumberMasked) {
  @Override
  public String toString() {
    return "RosterLine[" + rosterEntryId + "]";
  }
}
