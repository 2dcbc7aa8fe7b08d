package org.gradphoto.payment.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.payment.application.port.in.OperatorOrdersUseCase.OrderFilter;
import org.gradphoto.payment.domain.Order;

/** Orders, stored. The {@code ForUpdate} variants lock the row until the transaction ends. */
public interface OrderRepository {

  /** The collection's latest order that is not closed, or null. */
  Uni<Order> findCurrent(UUID collectionId);

  Uni<Order> find(UUID orderId);

  Uni<Order> findForUpdate(UUID orderId);

  Uni<Void> save(Order order);

  Uni<List<Order>> list(OrderFilter filter);

  /** Unpaid, unflagged orders created before {@code createdBefore}, oldest first. */
  Uni<List<Order>> unpaidCreatedBefore(Instant createdBefore, int limit);

  /** Paid orders whose refund has been pending since before {@code requestedBefore}. */
  Uni<List<Order>> refundsPendingSince(Instant requestedBefore, int limit);
}
