package org.gradphoto.kernel.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private enum Reason {
    NOT_ALLOWED
  }

  private static final class SomeRefusal extends Refusal {
    SomeRefusal() {
      super(Reason.NOT_ALLOWED, Map.of());
    }
  }

  @Test
  void a_typed_domain_refusal_is_a_refusal_like_a_problem_and_never_transient() {
    RuntimeException wrapped = new RuntimeException("handler failed", new SomeRefusal());
    assertTrue(Failures.isRefusal(wrapped));
    assertFalse(Failures.isTransient(wrapped));
    assertTrue(Failures.isRefusal(ProblemException.conflict("X", "不行")));
  }

  @Test
  void a_lost_connection_is_transient_and_no_refusal() {
    RuntimeException lost = new RuntimeException(new ConnectException("refused"));
    assertTrue(Failures.isTransient(lost));
    assertFalse(Failures.isRefusal(lost));
  }
}
