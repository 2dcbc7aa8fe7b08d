package org.gradphoto.payment.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.payment.application.port.in.OperatorOrdersUseCase;
import org.gradphoto.payment.application.port.out.OrderRepository;
import org.gradphoto.payment.application.port.out.UnitOfWork;
import org.gradphoto.payment.application.port.out.WechatPayGateway;
import org.gradphoto.payment.application.port.out.WechatPayGateway.GatewayUnavailable;
import org.gradphoto.payment.domain.Order;
import org.gradphoto.payment.domain.PaymentRefusal;
import org.gradphoto.payment.domain.PaymentRefusal.Reason;

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
        .transform(e -> new PaymentRefusal(Reason.PAYMENT_UNAVAILABLE))
        .map(OperatorOrdersService::summary);
  }

  @Override
  public Uni<OrderSummary> refund(RefundCommand command) {
    String reason = command.reason() == null ? "" : command.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      throw new PaymentRefusal(Reason.REFUND_REASON_INVALID, Map.of("max", MAX_REASON));
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
                            throw orderNotFound();
                          }
                          order.requestRefund(reason, command.operatorId(), now);
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
      return Uni.createFrom().failure(new PaymentRefusal(Reason.REFUND_PENDING));
    }
    if (e.notCalled()) {
      Log.warnf("refund of order %s not sent: WeChat Pay is failing (circuit open)", orderId);
    } else {
      Log.warnf("refund of order %s failed at WeChat Pay: %s", orderId, e.errorCode());
    }
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
                        // Not sent: the operator may refund again once WeChat Pay answers.
                        e.notCalled()
                            ? new PaymentRefusal(Reason.PAYMENT_UNAVAILABLE)
                            : new PaymentRefusal(
                                Reason.REFUND_FAILED,
                                Map.of("errorCode", String.valueOf(e.errorCode())))));
  }

  private Uni<Order> load(UUID orderId) {
    return unitOfWork
        .inTransaction(() -> orders.find(orderId))
        .onItem()
        .ifNull()
        .failWith(OperatorOrdersService::orderNotFound);
  }

  private static PaymentRefusal orderNotFound() {
    return new PaymentRefusal(Reason.ORDER_NOT_FOUND);
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
