package org.gradphoto.kernel.storage;

import java.time.Duration;

/**
 * The object store did not answer in time, refused the connection or answered with a server error:
 * nothing is known to be stored, and the same call may work a little later. The kernel's problem
 * mappers answer it 503 with {@code Retry-After}.
 */
public final class StorageUnavailable extends RuntimeException {
  private final Duration retryAfter;

  public StorageUnavailable(String what, Duration retryAfter, Throwable cause) {
    super("object store unavailable: " + what, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
