package org.gradphoto.identity.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.gradphoto.identity.application.port.in.BatchesUseCase;
import org.gradphoto.identity.application.port.in.RosterProgressQuery;
import org.gradphoto.identity.application.port.out.RosterRepository;
import org.gradphoto.identity.application.port.out.RosterRepository.EntryProgress;
import org.gradphoto.identity.domain.ProgressState;
import org.gradphoto.kernel.security.Actor;

/**
 * Progress from the roster: every entry of the batch is read with its collection's status (kept
 * current from the other services' events) and counted in memory. One query per view; a roster of
 * 50,000 lines is 50,000 short rows.
 */
@ApplicationScoped
class RosterProgressService implements RosterProgressQuery {
  private static final int MAX_PAGE = 500;

  private final BatchesUseCase batches;
  private final RosterRepository roster;

  RosterProgressService(BatchesUseCase batches, RosterRepository roster) {
    this.batches = batches;
    this.roster = roster;
  }

  @Override
  public Uni<ProgressPage> progress(
      Actor actor, UUID batchId, ProgressState state, String search, int page, int size) {
    int p = Math.max(0, page);
    int s = Math.max(1, Math.min(size, MAX_PAGE));
    return entries(actor, batchId)
        .map(
            all -> {
              Map<ProgressState, Integer> counts = new EnumMap<>(ProgressState.class);
              for (ProgressState st : ProgressState.values()) {
                counts.put(st, 0);
              }
              for (EntryProgress e : all) {
                for (ProgressState st : ProgressState.values()) {
                  if (st.includes(e.status(), e.paid())) {
                    counts.merge(st, 1, Integer::sum);
                  }
                }
              }
              List<EntryProgress> matching = all.stream().filter(filter(state, search)).toList();
              List<StudentProgress> items =
                  matching.stream()
                      .skip((long) p * s)
                      .limit(s)
                      .map(RosterProgressService::view)
                      .toList();
              return new ProgressPage(counts, matching.size(), p, s, items);
            });
  }

  @Override
  public Uni<List<StudentProgress>> all(
      Actor actor, UUID batchId, ProgressState state, String search) {
    return entries(actor, batchId)
        .map(
            all ->
                all.stream()
                    .filter(filter(state, search))
                    .map(RosterProgressService::view)
                    .toList());
  }

  private Uni<List<EntryProgress>> entries(Actor actor, UUID batchId) {
    // batches.get checks that the actor may read the batch's school.
    return batches.get(actor, batchId).chain(b -> roster.progressOf(b.id()));
  }

  static Predicate<EntryProgress> filter(ProgressState state, String search) {
    String q = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    return e ->
        (state == null || state.includes(e.status(), e.paid()))
            && (q.isEmpty()
                || e.studentNumber().toLowerCase(Locale.ROOT).contains(q)
                || e.name().contains(q));
  }

  private static StudentProgress view(EntryProgress e) {
    ProgressState st = ProgressState.of(e.status());
    return new StudentProgress(
        e.entryId(),
        e.studentNumber(),
        e.name(),
        e.idMasked(),
        e.degreeLevel(),
        e.bound(),
        e.collectionId(),
        st.name(),
        st.label(),
        e.status() == null ? null : e.status().name(),
        e.paid(),
        e.statusAt());
  }
}
