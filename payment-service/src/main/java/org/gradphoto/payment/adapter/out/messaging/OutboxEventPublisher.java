package org.gradphoto.payment.adapter.out.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.kernel.messaging.Outbox;
import org.gradphoto.payment.application.port.out.EventPublisher;
import org.gradphoto.payment.domain.Order;

/** Payment events through the kernel's transactional outbox, keyed by the collection id. */
@ApplicationScoped
class OutboxEventPublisher implements EventPublisher {
  private final Outbox outbox;

  OutboxEventPublisher(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Uni<Void> paymentConfirmed(Order order) {
    return outbox.append(
        EventEnvelope.of(
            new PaymentConfirmed(
                order.id(),
                order.collectionId(),
                order.amountFen(),
                order.transactionId(),
                order.paidAt()),
            order.collectionId().toString(),
            order.id().toString(),
            Instant.now()));
  }

  @Override
  public Uni<Void> paymentRefunded(Order order) {
    return outbox.append(
        EventEnvelope.of(
            new PaymentRefunded(
                order.id(),
                order.collectionId(),
                order.amountFen(),
                order.refundReason(),
                order.refundedAt()),
            order.collectionId().toString(),
            order.id().toString(),
            Instant.now()));
  }
}
