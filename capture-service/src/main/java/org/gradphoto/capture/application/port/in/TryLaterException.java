package org.gradphoto.capture.application.port.in;

import java.util.List;
import java.util.Map;
import org.gradphoto.kernel.error.ProblemException;

/** No capacity now: answered 503 with a {@code Retry-After} header. */
public class TryLaterException extends ProblemException {
  private final int retryAfterSeconds;

  public TryLaterException(String code, String detail, int retryAfterSeconds) {
    super(
        503,
        code,
        "Service busy",
        detail,
        List.of(),
        Map.of("retryAfterSeconds", retryAfterSeconds));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
