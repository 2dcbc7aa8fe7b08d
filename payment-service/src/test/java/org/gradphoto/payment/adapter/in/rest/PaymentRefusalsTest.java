package org.gradphoto.payment.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.payment.domain.OrderState;
import org.gradphoto.payment.domain.PaymentRefusal;
import org.gradphoto.payment.domain.PaymentRefusal.Reason;
import org.gradphoto.payment.domain.RefundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentRefusalsTest {
  /** Refusals only WeChat Pay's notification sender reads: a machine, not a person. */
  private static final Set<Reason> FOR_WECHAT_PAY =
      EnumSet.of(
          Reason.SIGNATURE_INVALID,
          Reason.MERCHANT_MISMATCH,
          Reason.UNKNOWN_ORDER,
          Reason.AMOUNT_MISMATCH,
          Reason.REFUND_MISMATCH);

  /** The facts each reason is thrown with by the domain and the use cases. */
  private static PaymentRefusal thrown(Reason reason) {
    return switch (reason) {
      case REFUND_REASON_INVALID -> new PaymentRefusal(reason, Map.of("max", 80));
      case NOT_REFUNDABLE ->
          new PaymentRefusal(
              reason, Map.of("state", OrderState.CLOSED, "refund", RefundStatus.NONE));
      case REFUND_FAILED -> new PaymentRefusal(reason, Map.of("errorCode", "NOT_ENOUGH"));
      default -> new PaymentRefusal(reason);
    };
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void every_refusal_keeps_its_code_and_a_person_reads_it_in_chinese(Reason reason) {
    ProblemException p = PaymentRefusals.problem(thrown(reason));
    String code = reason == Reason.REFUND_REASON_INVALID ? "INVALID_INPUT" : reason.name();
    assertEquals(code, p.code());
    boolean chinese = p.detail().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF);
    assertEquals(!FOR_WECHAT_PAY.contains(reason), chinese, p.detail());
  }

  @Test
  void the_statuses_are_those_the_clients_already_know() {
    Map<Reason, Integer> expected =
        Map.ofEntries(
            Map.entry(Reason.COLLECTION_NOT_FOUND, 404),
            Map.entry(Reason.ORDER_NOT_FOUND, 404),
            Map.entry(Reason.ALREADY_PAID, 409),
            Map.entry(Reason.REFUNDED, 409),
            Map.entry(Reason.FREE, 409),
            Map.entry(Reason.AWAITING_REVIEW, 409),
            Map.entry(Reason.OPENID_MISSING, 422),
            Map.entry(Reason.PAYMENT_UNAVAILABLE, 503),
            Map.entry(Reason.REFUND_PENDING, 503),
            Map.entry(Reason.REFUND_REASON_INVALID, 400),
            Map.entry(Reason.NOT_REFUNDABLE, 409),
            Map.entry(Reason.REFUND_FAILED, 502),
            Map.entry(Reason.SIGNATURE_INVALID, 401),
            Map.entry(Reason.MERCHANT_MISMATCH, 400),
            Map.entry(Reason.UNKNOWN_ORDER, 400),
            Map.entry(Reason.AMOUNT_MISMATCH, 422),
            Map.entry(Reason.REFUND_MISMATCH, 422));
    for (Reason reason : Reason.values()) {
      assertEquals(
          expected.get(reason), PaymentRefusals.problem(thrown(reason)).status(), reason.name());
    }
  }

  @Test
  void the_facts_are_worded() {
    ProblemException invalid = PaymentRefusals.problem(thrown(Reason.REFUND_REASON_INVALID));
    assertEquals("reason", invalid.errors().get(0).field());
    assertTrue(invalid.detail().contains("1 到 80 个字"), invalid.detail());
    assertTrue(PaymentRefusals.problem(thrown(Reason.NOT_REFUNDABLE)).detail().contains("已关闭"));
    assertTrue(
        PaymentRefusals.problem(
                new PaymentRefusal(
                    Reason.NOT_REFUNDABLE,
                    Map.of("state", OrderState.PAID, "refund", RefundStatus.PENDING)))
            .detail()
            .contains("正在处理中"));
    assertTrue(
        PaymentRefusals.problem(thrown(Reason.REFUND_FAILED)).detail().contains("NOT_ENOUGH"));
  }

  @Test
  void the_service_page_says_why_it_cannot_be_paid() {
    assertTrue(PaymentRefusals.notPayable(Reason.ALREADY_PAID).contains("重拍"));
    assertTrue(PaymentRefusals.notPayable(Reason.AWAITING_REVIEW).contains("审核通过后"));
    assertEquals(null, PaymentRefusals.notPayable(null));
  }
}
