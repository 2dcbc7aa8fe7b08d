package org.gradphoto.capture.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/** Housekeeping of what abandoned attempts and old upload counts leave behind. */
public interface ExpireRenderingsUseCase {
  /**
   * Deletes the spec photo and cut-out of attempts that can no longer be submitted and were
   * rendered longer ago than the configured keeping time before {@code now} (one round, a bounded
   * number of attempts), and forgets upload counts older than a day. Returns how many attempts lost
   * their rendering.
   */
  Uni<Integer> expire(Instant now);
}
