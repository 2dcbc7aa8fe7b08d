package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.domain.RosterLine;

/** The batches' rosters as identity announced them. Calls run in the caller's transaction. */
public interface RosterLines {
  /** Creates or replaces each line by its roster entry id (an entry may move to another batch). */
  Uni<Void> upsert(List<RosterLine> lines);

  Uni<List<RosterLine>> ofBatch(String schoolCode, UUID batchId);
}
