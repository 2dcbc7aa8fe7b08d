package org.gradphoto.payment.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.gradphoto.payment.application.port.out.EventPublisher;
import org.gradphoto.payment.application.port.out.OrderRepository;
import org.gradphoto.payment.application.port.out.UnitOfWork;
import org.gradphoto.payment.application.port.out.WechatPayGateway;
import org.gradphoto.payment.application.port.out.WechatPayGateway.Refund;
import org.gradphoto.payment.application.port.out.WechatPayGateway.Trade;
import org.gradphoto.payment.config.PaymentSettings;
import org.gradphoto.payment.domain.Order;
import org.gradphoto.payment.domain.OrderState;
import org.gradphoto.payment.domain.PaymentOutcome;
import org.gradphoto.payment.domain.RefundStatus;

/**
 * Applies what WeChat Pay reports (by notification or by query) to an order, each change with its
 * event in one transaction and under a row lock, so five identical reports pay the order once.
 */
@ApplicationScoped
class OrderSettlement {
  private final UnitOfWork unitOfWork;
  private final OrderRepository orders;
  private final EventPublisher events;
  private final WechatPayGateway gateway;
  private final PaymentSettings settings;

  OrderSettlement(
      UnitOfWork unitOfWork,
      OrderRepository orders,
      EventPublisher events,
      WechatPayGateway gateway,
      PaymentSettings settings) {
    this.unitOfWork = unitOfWork;
    this.orders = orders;
    this.events = events;
    this.gateway = gateway;
    this.settings = settings;
  }

  /** The order after the report, and what the report did; a null order means unknown. */
  record Applied(Order order, PaymentOutcome outcome) {}

  Uni<Applied> applyPaidTrade(UUID orderId, Trade trade) {
    return onLockedOrder(
            orderId,
            order -> {
              PaymentOutcome outcome =
                  order.confirmPaid(
                      trade.transactionId(),
                      trade.totalFen(),
                      trade.payerTotalFen(),
                      trade.currency(),
                      trade.successTime() == null ? Instant.now() : trade.successTime());
              Uni<Void> effect =
                  switch (outcome) {
                    case CONFIRMED ->
                        orders.save(order).chain(() -> events.paymentConfirmed(order));
                    case AMOUNT_MISMATCH, ORDER_CLOSED -> orders.save(order);
                    case ALREADY_PAID -> Uni.createFrom().voidItem();
                  };
              if (outcome == PaymentOutcome.AMOUNT_MISMATCH
                  || outcome == PaymentOutcome.ORDER_CLOSED) {
                Log.warnf("order %s flagged: %s", order.id(), outcome);
              }
              return effect.replaceWith(new Applied(order, outcome));
            })
        .onItem()
        .ifNull()
        .continueWith(new Applied(null, null));
  }

  /** Runs a change on the locked order in one transaction; an unknown order gives null. */
  private <T> Uni<T> onLockedOrder(UUID orderId, Function<Order, Uni<T>> change) {
    return unitOfWork.inTransaction(
        () ->
            orders
                .findForUpdate(orderId)
                .chain(o -> o == null ? Uni.createFrom().<T>nullItem() : change.apply(o)));
  }

  /**
   * Asks WeChat Pay about an unpaid order: a success is applied (the notification was late or
   * lost); an order past its time is closed there and here.
   */
  Uni<Order> reconcile(Order order, Instant now, boolean closeIfOverdue) {
    return settle(order, now, closeIfOverdue && order.isOverdue(now, settings.closeUnpaidAfter()));
  }

  /** Like {@link #reconcile}, but an unpaid order is closed whatever its age. */
  Uni<Order> settleOrClose(Order order, Instant now) {
    return settle(order, now, true);
  }

  private Uni<Order> settle(Order order, Instant now, boolean close) {
    if (order.state() != OrderState.CREATED) {
      return Uni.createFrom().item(order);
    }
    return gateway
        .query(order.outTradeNo())
        .chain(
            trade -> {
              if (trade.succeeded()) {
                return applyPaidTrade(order.id(), trade).map(Applied::order);
              }
              if (close) {
                return closeAtWechat(order, trade).chain(() -> closeHere(order.id(), now));
              }
              return Uni.createFrom().item(order);
            });
  }

  private Uni<Void> closeAtWechat(Order order, Trade trade) {
    if ("NOT_FOUND".equals(trade.state()) || "CLOSED".equals(trade.state())) {
      return Uni.createFrom().voidItem();
    }
    return gateway.close(order.outTradeNo());
  }

  private Uni<Order> closeHere(UUID orderId, Instant now) {
    return onLockedOrder(
        orderId, o -> o.close(now) ? orders.save(o).replaceWith(o) : Uni.createFrom().item(o));
  }

  /** Applies a refund's state as WeChat Pay reports it. */
  Uni<Order> applyRefund(UUID orderId, Refund refund) {
    return onLockedOrder(
        orderId,
        order -> {
          if (!order.matchesRefund(refund.refundNo(), refund.refundFen())) {
            // Another refund number or amount than ours: nothing changes (the caller refuses it).
            return Uni.createFrom().item(order);
          }
          if ("SUCCESS".equals(refund.status())) {
            Instant at = refund.at() == null ? Instant.now() : refund.at();
            return order.refundSucceeded(at)
                ? orders.save(order).chain(() -> events.paymentRefunded(order)).replaceWith(order)
                : Uni.createFrom().item(order);
          }
          if (("CLOSED".equals(refund.status()) || "ABNORMAL".equals(refund.status()))
              && order.refundStatus() == RefundStatus.PENDING) {
            order.refundFailed("WeChat Pay reports the refund " + refund.status());
            return orders.save(order).replaceWith(order);
          }
          return Uni.createFrom().item(order);
        });
  }
}
