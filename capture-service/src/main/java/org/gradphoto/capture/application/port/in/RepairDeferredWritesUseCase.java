package org.gradphoto.capture.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * The objects an upload writes after its answer (the original, the cut-out) are checked once those
 * writes must have ended: a write that failed for good, or an instance that stopped before it
 * ended, must not leave an attempt naming an object that was never stored.
 */
public interface RepairDeferredWritesUseCase {
  /**
   * One round over the attempts rendered long enough before {@code now} whose objects were not seen
   * stored yet (a bounded number, oldest first): an attempt whose objects are there is confirmed; a
   * missing cut-out is rendered again from the original and stored under its key; a missing
   * original is marked lost (the attempt cannot be submitted or adjusted; its finding asks the
   * student to upload again). An attempt whose check fails (store or engine unavailable) is left
   * for the next round.
   */
  Uni<Repairs> repair(Instant now);

  /** What one round did, by attempt. */
  record Repairs(int confirmed, int cutoutsRestored, int originalsLost, int left) {
    public int total() {
      return confirmed + cutoutsRestored + originalsLost + left;
    }
  }
}
