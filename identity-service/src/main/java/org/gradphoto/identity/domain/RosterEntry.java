package org.gradphoto.identity.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * A stored roster line as matching needs it. The ID number is held only sealed ({@code idSealed},
 * AES-GCM) and masked; {@code boundStudentId} is the one WeChat account this entry belongs to.
 */
public record RosterEntry(
    UUID id,
    UUID batchId,
    String schoolCode,
    String studentNumber,
    String name,
    IdType idType,
    String idMasked,
    String idSealed,
    Optional<String> phoneHash,
    String degreeLevel,
    Optional<UUID> boundStudentId) {

  public String idLastFour() {
    return idMasked.substring(idMasked.length() - 4);
  }

  @Override
  public String toString() {
    return "RosterEntry[id=" + id + ", batch=" + batchId + "]";
  }
}
