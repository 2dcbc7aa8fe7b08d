package org.gradphoto.review.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gradphoto.kernel.event.RosterEntriesChanged;
import org.gradphoto.review.application.port.in.RecordRosterUseCase;
import org.gradphoto.review.application.port.out.RosterEntries;

/** Keeps the rosters (ids and student numbers only) for the per-batch progress. */
@ApplicationScoped
class RosterService implements RecordRosterUseCase {
  private final RosterEntries roster;

  RosterService(RosterEntries roster) {
    this.roster = roster;
  }

  @Override
  public Uni<Void> rosterChanged(RosterEntriesChanged event) {
    if (event.entries().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return roster.upsert(
        event.entries().stream()
            .map(
                e ->
                    new RosterEntries.Line(
                        e.rosterEntryId(), event.batchId(), event.schoolCode(), e.studentNumber()))
            .toList());
  }
}
