package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.gradphoto.delivery.domain.RosterLine;

/** Remember who is on a batch's roster (from RosterEntriesChanged), started or not. */
public interface RecordRosterUseCase {
  Uni<Void> rosterChanged(List<RosterLine> lines);
}
