package org.gradphoto.review.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The batches' rosters as identity announced them. Calls run in the caller's transaction. */
public interface RosterEntries {
  /** Creates or replaces each line by its roster entry id (an entry may move to another batch). */
  Uni<Void> upsert(List<Line> lines);

  /**
   * Per batch of the given schools (null: all), the roster lines that no collection of the same
   * batch has (by student number): the students who never started.
   */
  Uni<List<NotStarted>> notStartedByBatch(Set<String> schools);

  record Line(UUID rosterEntryId, UUID batchId, String schoolCode, String studentNumber) {
    @Override
    public String toString() {
      return "Line[" + rosterEntryId + "]"; // no student number in logs
    }
  }

  record NotStarted(UUID batchId, String schoolCode, long count) {}
}
