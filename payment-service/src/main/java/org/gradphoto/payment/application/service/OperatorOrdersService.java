package org.gradphoto.payment.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.payment.application.port.in.OperatorOrdersUseCase;
import org.gradphoto.payment.application.port.out.OrderRepository;
import org.gradphoto.payment.application.port.out.UnitOfWork;
import org.gradphoto.payment.application.port.out.WechatPayGateway;
import org.gradphoto.payment.application.port.out.WechatPayGateway.GatewayUnavailable;
import org.gradphoto.payment.domain.Order;

@ApplicationScoped
class OperatorOrdersService implements OperatorOrdersUseCase {
  /** WeChat Pay accepts a refund reason of at most 80 characters. */
  static final int MAX_REASON = 80;

  private final UnitOfWork unitOfWork;
  private final OrderRepository orders;
  private final OrderSettlement settlement;
  private final WechatPayGateway gateway;

  OperatorOrdersService(
      UnitOfWork unitOfWork,
      OrderRepository orders,
      OrderSettlement settlement,
      WechatPayGateway gateway) {
    this.unitOfWork = unitOfWork;
    this.orders = orders;
    this.settlement = settlement;
    this.gateway = gateway;
  }

  @Override
  public Uni<List<OrderSummary>> list(OrderFilter filter) {
    return unitOfWork.inTransaction(
        () ->
            orders.list(filter).map(l -> l.stream().map(OperatorOrdersService::summary).toList()));
  }

  @Override
  public Uni<String> reconciliationCsv(OrderFilter filter) {
    return list(filter).map(ReconciliationCsv::of);
  }

  @Override
  public Uni<OrderSummary> reconcile(UUID orderId) {
    return load(orderId)
        .chain(order -> settlement.reconcile(order, Instant.now(), false))
        .onFailure(GatewayUnavailable.class)
        .transform(e -> Problems.paymentUnavailable())
        .map(OperatorOrdersService::summary);
  }

  @Override
  public Uni<OrderSummary> refund(RefundCommand command) {
    String reason = command.reason() == null ? "" : command.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      throw ProblemException.invalidField(
          "reason", "a refund needs a reason of 1 to " + MAX_REASON + " characters");
    }
    Instant now = Instant.now();
    return unitOfWork
        .inTransaction(
            () ->
                orders
                    .findForUpdate(command.orderId())
                    .chain(
                        order -> {
                          if (order == null) {
                            throw Problems.orderNotFound();
                          }
                          try {
                            order.requestRefund(reason, command.operatorId(), now);
                          } catch (IllegalStateException e) {
                            throw ProblemException.conflict("NOT_REFUNDABLE", e.getMessage());
                          }
                          return orders.save(order).replaceWith(order);
                        }))
        .chain(
            order ->
                gateway
                    .refund(order, reason)
                    .chain(refund -> settlement.applyRefund(order.id(), refund))
                    .onFailure(GatewayUnavailable.class)
                    .recoverWithUni(e -> refundFailed(order.id(), (GatewayUnavailable) e)))
        .map(OperatorOrdersService::summary);
  }

  private Uni<Order> refundFailed(UUID orderId, GatewayUnavailable e) {
    if (e.outcomeUnknown()) {
      // No answer: the refund may have happened. It stays PENDING; the refund notification or the
      // sweep's refund query settles it.
      Log.warnf(
          "refund of order %s: no answer from WeChat Pay (%s), left pending",
          orderId, e.errorCode());
      return Uni.createFrom().failure(Problems.refundPending());
    }
    Log.warnf("refund of order %s failed at WeChat Pay: %s", orderId, e.errorCode());
    return unitOfWork
        .inTransaction(
            () ->
                orders
                    .findForUpdate(orderId)
                    .chain(
                        o -> {
                          o.refundFailed(e.errorCode());
                          return orders.save(o);
                        }))
        .chain(
            () ->
                Uni.createFrom()
                    .failure(
                        new ProblemException(
                            502,
                            "REFUND_FAILED",
                            "Bad gateway",
                            "WeChat Pay refused the refund: " + e.errorCode())));
  }

  private Uni<Order> load(UUID orderId) {
    return unitOfWork
        .inTransaction(() -> orders.find(orderId))
        .onItem()
        .ifNull()
        .failWith(Problems::orderNotFound);
  }

  static OrderSummary summary(Order o) {
    return new OrderSummary(
        o.id(),
        o.collectionId(),
        o.studentId(),
        o.batchId(),
        o.schoolCode(),
        o.amountFen(),
        o.state().name(),
        o.outTradeNo(),
        o.transactionId(),
        o.createdAt(),
        o.paidAt(),
        o.closedAt(),
        o.refundStatus().name(),
        o.refundReason(),
        o.refundedAt(),
        o.anomaly());
  }
}
