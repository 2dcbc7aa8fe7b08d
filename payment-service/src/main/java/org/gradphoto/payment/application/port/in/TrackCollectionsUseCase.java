package org.gradphoto.payment.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.payment.domain.PaymentPolicy;

/** What payment learns from the other services about each collection. */
public interface TrackCollectionsUseCase {

  /** A collection exists with these terms (from EligibilityGranted); the first terms stay. */
  Uni<Void> collectionOpened(NewCollection collection);

  /** Its review passed (from ReviewPassed): a pay-after-review collection may be paid now. */
  Uni<Void> reviewPassed(UUID collectionId, Instant passedAt);

  record NewCollection(
      UUID collectionId,
      UUID studentId,
      UUID batchId,
      String batchName,
      String schoolCode,
      long priceFen,
      PaymentPolicy policy,
      Instant grantedAt,
      String correlationId) {}
}
