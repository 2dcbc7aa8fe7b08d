package org.gradphoto.payment.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.payment.domain.PaymentPolicy;

/** What payment learns from the other services about each collection. */
public interface TrackCollectionsUseCase {

  /** A collection exists with these terms (from EligibilityGranted); the first terms stay. */
  Uni<Void> collectionOpened(NewCollection collection);

  /**
   * An operator unbound the collection's roster entry from its account (BindingRevoked): that
   * account may no longer see or pay it; the student granted it next continues it, paid or not.
   */
  Uni<Void> bindingRevoked(UUID collectionId, Instant at);

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
