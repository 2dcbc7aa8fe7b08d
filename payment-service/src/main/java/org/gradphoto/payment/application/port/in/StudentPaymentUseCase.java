package org.gradphoto.payment.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.payment.domain.PaymentRefusal;

/** A student looks at the order of their collection and pays it from the mini-program. */
public interface StudentPaymentUseCase {

  Uni<OrderView> viewOrder(UUID studentId, UUID collectionId);

  /** Opens (or reuses) the order and returns what {@code wx.requestPayment} needs. */
  Uni<PaymentRequest> pay(PayCommand command);

  /**
   * @param openid the payer's openid for the merchant's app id
   */
  record PayCommand(UUID studentId, String openid, UUID collectionId) {}

  /**
   * The order as the student sees it. {@code state} is NONE before the first payment attempt;
   * {@code notPayable} is why it cannot be paid now (null when it can).
   */
  record OrderView(
      UUID collectionId,
      UUID orderId,
      long amountFen,
      String paymentPolicy,
      String state,
      PaymentRefusal.Reason notPayable,
      Instant paidAt) {
    public boolean payable() {
      return notPayable == null;
    }
  }

  /** The parameters of {@code wx.requestPayment}, signed with the merchant key. */
  record PaymentRequest(
      UUID orderId,
      long amountFen,
      String appId,
      String timeStamp,
      String nonceStr,
      String packageValue,
      String signType,
      String paySign) {}
}
