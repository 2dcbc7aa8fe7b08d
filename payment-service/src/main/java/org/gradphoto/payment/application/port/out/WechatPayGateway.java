package org.gradphoto.payment.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import org.gradphoto.payment.application.port.in.PaymentNotificationUseCase.RawNotification;
import org.gradphoto.payment.application.port.in.StudentPaymentUseCase.PaymentRequest;
import org.gradphoto.payment.domain.Order;

/**
 * WeChat Pay API v3 for JSAPI (mini-program) payments (WeChat Pay itself, or the local WeChat in
 * local runs and tests: the same code with another host). Calls that reach WeChat Pay fail with
 * {@link GatewayUnavailable} when it cannot be reached or answers with an error.
 */
public interface WechatPayGateway {

  /** The merchant and app this service is configured for; notifications must name them. */
  Merchant merchant();

  /** Creates (or repeats) the prepay order and signs the parameters for wx.requestPayment. */
  Uni<PaymentRequest> prepay(Order order, String openid, String description, Instant expiresAt);

  /** The order as WeChat Pay knows it; {@link Trade#state()} is NOT_FOUND if it never saw it. */
  Uni<Trade> query(String outTradeNo);

  Uni<Void> close(String outTradeNo);

  Uni<Refund> refund(Order order, String reason);

  /**
   * The refund as WeChat Pay knows it; {@link Refund#unknown()} if it has none by that number (the
   * refund call never reached it).
   */
  Uni<Refund> queryRefund(String refundNo);

  /** Verifies the signature and decrypts; throws {@link NotificationRefused} if it can't. */
  Trade parsePaymentNotification(RawNotification notification);

  Refund parseRefundNotification(RawNotification notification);

  record Merchant(String merchantId, String appId) {}

  /**
   * A payment as WeChat Pay reports it. {@code state}: SUCCESS, NOTPAY, CLOSED, … NOT_FOUND. {@code
   * currency} and {@code payerTotalFen} (what the payer paid) are null when WeChat Pay leaves them
   * out (unpaid orders).
   */
  record Trade(
      String merchantId,
      String appId,
      String outTradeNo,
      String transactionId,
      String state,
      long totalFen,
      Instant successTime,
      String currency,
      Long payerTotalFen) {
    public boolean succeeded() {
      return "SUCCESS".equals(state);
    }
  }

  /**
   * A refund as WeChat Pay reports it. {@code status}: SUCCESS, PROCESSING, CLOSED, ABNORMAL.
   * {@code merchantId}: the merchant a refund notification names (the refund query names none:
   * null). {@code NOT_FOUND}: WeChat Pay has no refund by that number.
   */
  record Refund(
      String outTradeNo,
      String refundNo,
      String status,
      long refundFen,
      Instant at,
      String merchantId) {
    static final String NOT_FOUND = "NOT_FOUND";

    /** What the refund query answers when WeChat Pay never received the refund. */
    public static Refund notFound(String refundNo) {
      return new Refund(null, refundNo, NOT_FOUND, 0, null, null);
    }

    /** WeChat Pay has no refund by this number: asking for it again is safe and needed. */
    public boolean unknown() {
      return NOT_FOUND.equals(status);
    }
  }

  /** A notification that failed verification or decryption: forged, tampered or replayed. */
  final class NotificationRefused extends RuntimeException {
    public NotificationRefused(String why) {
      super(why);
    }
  }

  /**
   * WeChat Pay could not be reached or refused the call; the message is safe to log. {@code
   * outcomeUnknown}: no answer (timeout, connection lost, 5xx), so the call may have taken effect
   * at WeChat Pay; a refusal (4xx) did not.
   */
  final class GatewayUnavailable extends RuntimeException {
    /** The error code of a call that was not made: WeChat Pay failed too often lately. */
    public static final String NOT_CALLED = "WECHAT_PAY_UNAVAILABLE";

    private final String errorCode;
    private final boolean outcomeUnknown;

    public GatewayUnavailable(String errorCode, String message) {
      this(errorCode, message, false);
    }

    public GatewayUnavailable(String errorCode, String message, boolean outcomeUnknown) {
      super(message);
      this.errorCode = errorCode;
      this.outcomeUnknown = outcomeUnknown;
    }

    /** A call held back by the circuit breaker: nothing reached WeChat Pay. */
    public static GatewayUnavailable notCalled(String message) {
      return new GatewayUnavailable(NOT_CALLED, message, false);
    }

    public String errorCode() {
      return errorCode;
    }

    /** Nothing reached WeChat Pay (see {@link #notCalled}). */
    public boolean notCalled() {
      return NOT_CALLED.equals(errorCode);
    }

    public boolean outcomeUnknown() {
      return outcomeUnknown;
    }
  }
}
