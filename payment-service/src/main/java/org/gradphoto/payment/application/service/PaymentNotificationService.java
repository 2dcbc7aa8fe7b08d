package org.gradphoto.payment.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Supplier;
import org.gradphoto.payment.application.port.in.PaymentNotificationUseCase;
import org.gradphoto.payment.application.port.out.WechatPayGateway;
import org.gradphoto.payment.application.port.out.WechatPayGateway.Merchant;
import org.gradphoto.payment.application.port.out.WechatPayGateway.NotificationRefused;
import org.gradphoto.payment.application.port.out.WechatPayGateway.Refund;
import org.gradphoto.payment.application.port.out.WechatPayGateway.Trade;
import org.gradphoto.payment.domain.Order;
import org.gradphoto.payment.domain.PaymentOutcome;
import org.gradphoto.payment.domain.PaymentRefusal;
import org.gradphoto.payment.domain.PaymentRefusal.Reason;

/**
 * Notifications are refused unless the platform signature verifies, the resource decrypts with the
 * APIv3 key and they name this merchant and app. Refusals are logged with the reason only: never
 * the body, which describes a person's payment.
 */
@ApplicationScoped
class PaymentNotificationService implements PaymentNotificationUseCase {
  private final WechatPayGateway gateway;
  private final OrderSettlement settlement;

  PaymentNotificationService(WechatPayGateway gateway, OrderSettlement settlement) {
    this.gateway = gateway;
    this.settlement = settlement;
  }

  @Override
  public Uni<Void> paymentNotified(RawNotification notification) {
    Trade trade = verified("payment", () -> gateway.parsePaymentNotification(notification));
    Merchant merchant = gateway.merchant();
    if (!merchant.merchantId().equals(trade.merchantId())
        || !merchant.appId().equals(trade.appId())) {
      Log.warnf("payment notification refused: it names another merchant or app id");
      throw new PaymentRefusal(Reason.MERCHANT_MISMATCH);
    }
    if (!trade.succeeded()) {
      return Uni.createFrom().voidItem();
    }
    UUID orderId = orderIdOf(trade.outTradeNo());
    return settlement
        .applyPaidTrade(orderId, trade)
        .invoke(
            applied -> {
              if (applied.order() == null) {
                Log.warnf("payment notification for an unknown order %s", orderId);
                throw unknownOrder();
              }
              if (applied.outcome() == PaymentOutcome.AMOUNT_MISMATCH) {
                throw new PaymentRefusal(Reason.AMOUNT_MISMATCH);
              }
            })
        .replaceWithVoid();
  }

  @Override
  public Uni<Void> refundNotified(RawNotification notification) {
    Refund refund = verified("refund", () -> gateway.parseRefundNotification(notification));
    if (!gateway.merchant().merchantId().equals(refund.merchantId())) {
      Log.warnf("refund notification refused: it names another merchant");
      throw new PaymentRefusal(Reason.MERCHANT_MISMATCH);
    }
    UUID orderId = orderIdOf(refund.outTradeNo());
    return settlement
        .applyRefund(orderId, refund)
        .invoke(
            (Order order) -> {
              if (order == null) {
                Log.warnf("refund notification for an unknown order %s", orderId);
                throw unknownOrder();
              }
              if (!order.matchesRefund(refund.refundNo(), refund.refundFen())) {
                Log.warnf(
                    "refund notification for order %s refused: refund number or amount", orderId);
                throw new PaymentRefusal(Reason.REFUND_MISMATCH);
              }
            })
        .replaceWithVoid();
  }

  private static <T> T verified(String kind, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (NotificationRefused e) {
      Log.warnf("%s notification refused: %s", kind, e.getMessage());
      throw new PaymentRefusal(Reason.SIGNATURE_INVALID);
    }
  }

  private static UUID orderIdOf(String outTradeNo) {
    try {
      return Order.idOfOutTradeNo(outTradeNo);
    } catch (IllegalArgumentException e) {
      throw unknownOrder();
    }
  }

  private static PaymentRefusal unknownOrder() {
    return new PaymentRefusal(Reason.UNKNOWN_ORDER);
  }
}
