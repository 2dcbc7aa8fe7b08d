package org.gradphoto.capture.application.port.in;

import java.util.List;
import java.util.Map;
import org.gradphoto.kernel.error.ProblemException;

/** Not now: answered 503 (no capacity) or 429 (a limit) with a {@code Retry-After} header. */
public class TryLaterException extends ProblemException {
  private final int retryAfterSeconds;

  public TryLaterException(String code, String detail, int retryAfterSeconds) {
    this(503, "Service busy", code, detail, retryAfterSeconds);
  }

  /** Another status with {@code Retry-After}, e.g. 429 for a limit of the caller's own. */
  public TryLaterException(
      int status, String title, String code, String detail, int retryAfterSeconds) {
    super(status, code, title, detail, List.of(), Map.of("retryAfterSeconds", retryAfterSeconds));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
