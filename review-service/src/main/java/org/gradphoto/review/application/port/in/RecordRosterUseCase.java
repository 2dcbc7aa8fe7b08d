package org.gradphoto.review.application.port.in;

import io.smallrye.mutiny.Uni;
import org.gradphoto.kernel.event.RosterEntriesChanged;

/**
 * Remember who is on a batch's roster, started or not, so the progress counts those who never
 * started. Runs inside the caller's transaction (the idempotent consumer's).
 */
public interface RecordRosterUseCase {
  Uni<Void> rosterChanged(RosterEntriesChanged event);
}
