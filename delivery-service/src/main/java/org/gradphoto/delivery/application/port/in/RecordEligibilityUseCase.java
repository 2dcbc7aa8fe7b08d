package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Remember who a collection belongs to (from EligibilityGranted). */
public interface RecordEligibilityUseCase {
  Uni<Void> record(Eligibility eligibility);

  /** The roster facts delivery needs; personal fields are never logged. */
  record Eligibility(
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
      String specProfile) {}
}
