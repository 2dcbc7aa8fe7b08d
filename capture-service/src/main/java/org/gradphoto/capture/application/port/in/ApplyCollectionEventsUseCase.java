package org.gradphoto.capture.application.port.in;

import io.smallrye.mutiny.Uni;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.kernel.event.PhotosDelivered;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.event.SubmissionWithdrawn;

/**
 * What other services tell capture: eligibility opens a collection, payment opens capture for
 * pay-before-capture batches, review reopens or locks it, delivery locks it. Each call runs inside
 * the consumer's transaction.
 */
public interface ApplyCollectionEventsUseCase {
  Uni<Void> eligibilityGranted(EligibilityGranted event);

  /** The binding was revoked: the old account loses the collection, its attempts are dropped. */
  Uni<Void> bindingRevoked(BindingRevoked event);

  Uni<Void> paymentConfirmed(PaymentConfirmed event);

  Uni<Void> paymentRefunded(PaymentRefunded event);

  Uni<Void> reviewRejected(ReviewRejected event);

  Uni<Void> reviewPassed(ReviewPassed event);

  /** The student withdrew the photo before review: capture opens again, attempts kept. */
  Uni<Void> submissionWithdrawn(SubmissionWithdrawn event);

  Uni<Void> collectionCompleted(CollectionCompleted event);

  Uni<Void> photosDelivered(PhotosDelivered event);
}
