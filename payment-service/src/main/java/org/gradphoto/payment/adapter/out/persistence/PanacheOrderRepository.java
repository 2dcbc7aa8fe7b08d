package org.gradphoto.payment.adapter.out.persistence;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gradphoto.payment.application.port.in.OperatorOrdersUseCase.OrderFilter;
import org.gradphoto.payment.application.port.out.OrderRepository;
import org.gradphoto.payment.domain.Order;
import org.gradphoto.payment.domain.OrderState;
import org.gradphoto.payment.domain.RefundStatus;

@ApplicationScoped
class PanacheOrderRepository implements OrderRepository {

  @Override
  public Uni<Order> findCurrent(UUID collectionId) {
    return OrderEntity.<OrderEntity>find(
            "collectionId = ?1 and state <> ?2",
            Sort.descending("createdAt"),
            collectionId,
            OrderState.CLOSED.name())
        .firstResult()
        .map(PanacheOrderRepository::toDomain);
  }

  @Override
  public Uni<Order> find(UUID orderId) {
    return OrderEntity.<OrderEntity>findById(orderId).map(PanacheOrderRepository::toDomain);
  }

  @Override
  public Uni<Order> findForUpdate(UUID orderId) {
    return OrderEntity.<OrderEntity>findById(orderId, LockModeType.PESSIMISTIC_WRITE)
        .map(PanacheOrderRepository::toDomain);
  }

  @Override
  public Uni<Void> save(Order order) {
    return OrderEntity.<OrderEntity>findById(order.id())
        .chain(
            existing -> {
              OrderEntity e = existing == null ? new OrderEntity() : existing;
              copy(order, e);
              return existing == null ? e.persist().replaceWithVoid() : Uni.createFrom().voidItem();
            });
  }

  @Override
  public Uni<List<Order>> list(OrderFilter f) {
    List<String> where = new ArrayList<>();
    Parameters p = new Parameters();
    if (f.batchId() != null) {
      where.add("batchId = :batchId");
      p.and("batchId", f.batchId());
    }
    if (f.schoolCode() != null) {
      where.add("schoolCode = :schoolCode");
      p.and("schoolCode", f.schoolCode());
    }
    if (f.state() != null) {
      where.add("state = :state");
      p.and("state", f.state());
    }
    if (Boolean.TRUE.equals(f.flagged())) {
      where.add("anomaly is not null");
    } else if (Boolean.FALSE.equals(f.flagged())) {
      where.add("anomaly is null");
    }
    if (f.createdFrom() != null) {
      where.add("createdAt >= :from");
      p.and("from", f.createdFrom());
    }
    if (f.createdTo() != null) {
      where.add("createdAt < :to");
      p.and("to", f.createdTo());
    }
    String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
    int size = Math.max(1, f.limit());
    return OrderEntity.<OrderEntity>find(query, Sort.ascending("createdAt", "id"), p)
        .range(f.offset(), f.offset() + size - 1)
        .list()
        .map(l -> l.stream().map(PanacheOrderRepository::toDomain).toList());
  }

  @Override
  public Uni<List<Order>> unpaidCreatedBefore(Instant createdBefore, int limit) {
    return OrderEntity.<OrderEntity>find(
            "state = ?1 and createdAt < ?2 and anomaly is null",
            Sort.ascending("createdAt"),
            OrderState.CREATED.name(),
            createdBefore)
        .page(Page.ofSize(limit))
        .list()
        .map(l -> l.stream().map(PanacheOrderRepository::toDomain).toList());
  }

  @Override
  public Uni<List<Order>> refundsPendingSince(Instant requestedBefore, int limit) {
    return OrderEntity.<OrderEntity>find(
            "refundStatus = ?1 and refundRequestedAt < ?2",
            Sort.ascending("refundRequestedAt"),
            RefundStatus.PENDING.name(),
            requestedBefore)
        .page(Page.ofSize(limit))
        .list()
        .map(l -> l.stream().map(PanacheOrderRepository::toDomain).toList());
  }

  private static Order toDomain(OrderEntity e) {
    if (e == null) {
      return null;
    }
    return new Order(
        e.id,
        e.collectionId,
        e.studentId,
        e.batchId,
        e.schoolCode,
        e.amountFen,
        e.createdAt,
        OrderState.valueOf(e.state),
        e.prepayId,
        e.prepaidAt,
        e.transactionId,
        e.paidAt,
        e.closedAt,
        RefundStatus.valueOf(e.refundStatus),
        e.refundReason,
        e.refundedBy,
        e.refundRequestedAt,
        e.refundedAt,
        e.anomaly);
  }

  private static void copy(Order o, OrderEntity e) {
    e.id = o.id();
    e.collectionId = o.collectionId();
    e.studentId = o.studentId();
    e.batchId = o.batchId();
    e.schoolCode = o.schoolCode();
    e.amountFen = o.amountFen();
    e.createdAt = o.createdAt();
    e.state = o.state().name();
    e.prepayId = o.prepayId();
    e.prepaidAt = o.prepaidAt();
    e.transactionId = o.transactionId();
    e.paidAt = o.paidAt();
    e.closedAt = o.closedAt();
    e.refundStatus = o.refundStatus().name();
    e.refundReason = o.refundReason();
    e.refundedBy = o.refundedBy();
    e.refundRequestedAt = o.refundRequestedAt();
    e.refundedAt = o.refundedAt();
    e.anomaly = o.anomaly();
  }
}
