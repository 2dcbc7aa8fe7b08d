package org.gradphoto.payment.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.Map;

/** WeChat Pay calls back: a payment or a refund completed. */
public interface PaymentNotificationUseCase {

  /** Verifies, decrypts and applies a payment notification; fails if it must be refused. */
  Uni<Void> paymentNotified(RawNotification notification);

  Uni<Void> refundNotified(RawNotification notification);

  /** A notification as it arrived: its HTTP headers (names lower-case) and body, untouched. */
  record RawNotification(Map<String, String> headers, String body) {}
}
