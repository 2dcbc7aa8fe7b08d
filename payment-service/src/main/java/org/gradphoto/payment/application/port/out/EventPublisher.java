package org.gradphoto.payment.application.port.out;

import io.smallrye.mutiny.Uni;
import org.gradphoto.payment.domain.Order;

/** The events this service publishes; must be called inside the unit of work that changed it. */
public interface EventPublisher {

  Uni<Void> paymentConfirmed(Order order);

  Uni<Void> paymentRefunded(Order order);
}
