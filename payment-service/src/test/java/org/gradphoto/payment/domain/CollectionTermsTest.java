package org.gradphoto.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.gradphoto.payment.domain.PaymentRefusal.Reason;
import org.junit.jupiter.api.Test;

class CollectionTermsTest {

  @Test
  void pay_before_capture_is_payable_until_paid_and_never_again_after() {
    CollectionTerms terms = OrderTest.terms(2500, PaymentPolicy.PAY_BEFORE_CAPTURE, false);
    assertTrue(terms.payability(null).payable());
    Order order = Order.open(UUID.randomUUID(), terms, Instant.now());
    assertTrue(terms.payability(order).payable());
    order.confirmPaid("4200", 2500, Instant.now());
    Payability paid = terms.payability(order);
    assertFalse(paid.payable());
    assertEquals(Reason.ALREADY_PAID, paid.notPayable());
  }

  @Test
  void pay_after_review_waits_for_the_review_and_says_so() {
    Payability waiting =
        OrderTest.terms(2000, PaymentPolicy.PAY_AFTER_REVIEW, false).payability(null);
    assertFalse(waiting.payable());
    assertEquals(Reason.AWAITING_REVIEW, waiting.notPayable());
    assertTrue(
        OrderTest.terms(2000, PaymentPolicy.PAY_AFTER_REVIEW, true).payability(null).payable());
  }

  @Test
  void a_free_batch_is_never_payable() {
    assertEquals(
        Reason.FREE,
        OrderTest.terms(0, PaymentPolicy.PAY_BEFORE_CAPTURE, false).payability(null).notPayable());
  }
}
