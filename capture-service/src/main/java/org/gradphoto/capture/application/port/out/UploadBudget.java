package org.gradphoto.capture.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/**
 * How many uploads each student account has made per hour. Calls join the caller's unit of work.
 */
public interface UploadBudget {
  /**
   * Counts one upload of the account in the hour starting at {@code windowStart}, unless {@code
   * limit} are already counted there (atomically: of parallel calls at most {@code limit} succeed).
   */
  Uni<Boolean> take(UUID studentId, Instant windowStart, int limit);

  /** Forgets the hours that started before {@code before}; returns how many rows went. */
  Uni<Integer> forgetBefore(Instant before);
}
