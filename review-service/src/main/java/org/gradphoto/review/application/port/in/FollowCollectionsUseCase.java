package org.gradphoto.review.application.port.in;

import io.smallrye.mutiny.Uni;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.kernel.event.PhotoSubmitted;

/**
 * What the other services tell review-service, in any order. Each call runs inside the caller's
 * transaction (the idempotent consumer's), so its changes and the events it emits commit together.
 */
public interface FollowCollectionsUseCase {
  /** Keeps the roster record and batch terms; completes a collection that only waited for them. */
  Uni<Void> eligibilityGranted(EligibilityGranted event, String correlationId);

  /**
   * The binding was revoked: the open task of the old account's photo is withdrawn from the queue
   * and the collection starts over for the student granted it next.
   */
  Uni<Void> bindingRevoked(BindingRevoked event, String correlationId);

  /** Opens a review task for the photo, due by the batch's promise. */
  Uni<Void> photoSubmitted(PhotoSubmitted event, String correlationId);

  /** Records the payment; completes a pay-after-review collection that already passed. */
  Uni<Void> paymentConfirmed(PaymentConfirmed event, String correlationId);

  /** A refund before completion takes the payment back. */
  Uni<Void> paymentRefunded(PaymentRefunded event, String correlationId);
}
