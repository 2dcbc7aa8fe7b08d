package org.gradphoto.delivery.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gradphoto.delivery.application.port.in.RecordRosterUseCase;
import org.gradphoto.delivery.application.port.out.RosterLines;
import org.gradphoto.delivery.domain.RosterLine;

/** Keeps the rosters so that the missing list and missing.csv count students who never started. */
@ApplicationScoped
class RosterService implements RecordRosterUseCase {
  private final RosterLines roster;

  RosterService(RosterLines roster) {
    this.roster = roster;
  }

  @Override
  public Uni<Void> rosterChanged(List<RosterLine> lines) {
    return lines.isEmpty() ? Uni.createFrom().voidItem() : roster.upsert(lines);
  }
}
