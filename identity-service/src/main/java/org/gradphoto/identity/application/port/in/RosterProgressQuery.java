package org.gradphoto.identity.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.identity.domain.ProgressState;
import org.gradphoto.kernel.security.Actor;

/** A batch's progress read from its roster: counts per state and the students in each. */
public interface RosterProgressQuery {
  /**
   * Counts of every state over the whole roster, and one page of the students in {@code state} (all
   * if null) whose student number or name contains {@code search} (if given).
   */
  Uni<ProgressPage> progress(
      Actor actor, UUID batchId, ProgressState state, String search, int page, int size);

  /** Every student of the filter, for the export. */
  Uni<List<StudentProgress>> all(Actor actor, UUID batchId, ProgressState state, String search);

  record StudentProgress(
      UUID entryId,
      String studentNumber,
      String name,
      String idNumberMasked,
      String degreeLevel,
      boolean bound,
      UUID collectionId,
      String state,
      String stateLabel,
      String collectionStatus,
      boolean paid,
      Instant statusAt) {}

  record ProgressPage(
      Map<ProgressState, Integer> counts,
      long matching,
      int page,
      int size,
      List<StudentProgress> items) {}
}
