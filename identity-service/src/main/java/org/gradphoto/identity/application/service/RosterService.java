package org.gradphoto.identity.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gradphoto.identity.application.port.in.BatchesUseCase;
import org.gradphoto.identity.application.port.in.RosterUseCase;
import org.gradphoto.identity.application.port.out.RosterRepository;
import org.gradphoto.identity.application.port.out.RosterRepository.HeldId;
import org.gradphoto.identity.application.port.out.RosterRepository.StoredLine;
import org.gradphoto.identity.domain.Batch;
import org.gradphoto.identity.domain.IdentityRefusal;
import org.gradphoto.identity.domain.IdentityRefusal.Reason;
import org.gradphoto.identity.domain.RosterColumn;
import org.gradphoto.identity.domain.RosterRow;
import org.gradphoto.identity.domain.RosterValidation;
import org.gradphoto.identity.domain.RosterValidation.Line;
import org.gradphoto.identity.domain.RosterValidation.Problem;
import org.gradphoto.kernel.crypto.KeyedHash;
import org.gradphoto.kernel.crypto.Sealer;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.value.Ids;

@ApplicationScoped
class RosterService implements RosterUseCase {
  static final int MAX_LINES = 100_000;
  static final int MAX_UNBIND_REASON = 200;

  private final BatchesUseCase batches;
  private final RosterRepository roster;
  private final KeyedHash hash;
  private final Sealer sealer;

  RosterService(BatchesUseCase batches, RosterRepository roster, KeyedHash hash, Sealer sealer) {
    this.batches = batches;
    this.roster = roster;
    this.hash = hash;
    this.sealer = sealer;
  }

  @Override
  public Uni<ImportReport> importRoster(
      Actor actor, UUID batchId, List<Map<RosterColumn, String>> lines) {
    if (lines.isEmpty()) {
      throw new IdentityRefusal(Reason.EMPTY_ROSTER);
    }
    if (lines.size() > MAX_LINES) {
      throw new IdentityRefusal(Reason.ROSTER_TOO_LARGE, Map.of("max", MAX_LINES));
    }
    // Validating, sealing and hashing tens of thousands of lines is CPU work: off the event loop.
    return batches
        .get(actor, batchId)
        .invoke(batch -> Access.requireSchool(actor, batch.schoolCode()))
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .chain(batch -> importChecked(batch, lines));
  }

  private Uni<ImportReport> importChecked(Batch batch, List<Map<RosterColumn, String>> raw) {
    long t0 = System.nanoTime();
    List<Line> checked = RosterValidation.check(batch.schoolCode(), raw);
    Map<Integer, String> idHashes =
        checked.parallelStream()
            .filter(l -> l.row().isPresent())
            .collect(
                Collectors.toConcurrentMap(
                    Line::line, l -> hash.hash(l.row().get().id().lookupKey())));
    return roster
        .idHolders(batch.id(), List.copyOf(idHashes.values()))
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .chain(
            held -> {
              Map<Integer, Problem> conflicts = conflicts(checked, idHashes, held);
              List<Line> verdicts = new ArrayList<>(checked.size());
              List<RosterRow> valid = new ArrayList<>();
              for (Line l : checked) {
                Problem conflict = conflicts.get(l.line());
                if (conflict != null) {
                  verdicts.add(
                      new Line(l.line(), l.studentNumber(), Optional.empty(), List.of(conflict)));
                } else {
                  verdicts.add(l);
                  l.row().ifPresent(valid::add);
                }
              }
              List<StoredLine> store =
                  valid.parallelStream().map(r -> stored(r, idHashes.get(r.line()))).toList();
              long t1 = System.nanoTime();
              Uni<Map<String, Boolean>> written =
                  store.isEmpty()
                      ? Uni.createFrom().item(Map.of())
                      : roster.upsert(batch.id(), batch.schoolCode(), store);
              return written.map(
                  created -> {
                    long t2 = System.nanoTime();
                    // Counts and timings only: no personal data in logs.
                    Log.infof(
                        "roster import into batch %s: %d lines, %d good, %d of them written"
                            + " (the rest unchanged); checked and sealed in %d ms, written in %d"
                            + " ms",
                        batch.id(),
                        verdicts.size(),
                        store.size(),
                        created.size(),
                        (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000);
                    return report(verdicts, created);
                  });
            });
  }

  private StoredLine stored(RosterRow r, String idHash) {
    return new StoredLine(
        r.studentNumber(),
        r.name(),
        r.id().type().name(),
        idHash,
        sealer.seal(r.id().number()),
        r.id().masked(),
        r.phone().map(p -> hash.hash("phone:" + p)).orElse(null),
        r.chsiCode().orElse(null),
        r.degreeLevel());
  }

  /**
   * Judges ID numbers against the roster as it will be after the import, not as it is: a line
   * conflicts if its ID number (by keyed hash) would still be held by an entry of the batch under
   * another student number, that is an entry the file does not update. Two students swapping ID
   * numbers in a corrected re-import therefore pass. A line refused here leaves its own stored
   * entry as it was, so that entry keeps its ID number and lines claiming it are judged again;
   * every line is refused at most once, so this stays linear in the size of the file. Duplicates
   * inside the file were refused by {@link RosterValidation} already, so among the good lines each
   * ID hash and each student number occurs once.
   *
   * @return the refused lines by line number, with the reason
   */
  static Map<Integer, Problem> conflicts(
      List<Line> checked, Map<Integer, String> idHashes, List<HeldId> held) {
    Map<Integer, Problem> out = new HashMap<>();
    if (held.isEmpty()) {
      return out;
    }
    Map<String, List<String>> holdersByHash = new HashMap<>();
    Map<String, List<String>> hashesByHolder = new HashMap<>();
    for (HeldId h : held) {
      holdersByHash.computeIfAbsent(h.idHash(), k -> new ArrayList<>(1)).add(h.studentNumber());
      hashesByHolder.computeIfAbsent(h.studentNumber(), k -> new ArrayList<>(1)).add(h.idHash());
    }
    Map<String, Line> lineByHash = new HashMap<>();
    Map<String, Integer> firstLineOf = new HashMap<>();
    Set<String> updated = new HashSet<>();
    Deque<Line> work = new ArrayDeque<>();
    for (Line l : checked) {
      firstLineOf.putIfAbsent(l.studentNumber(), l.line());
      if (l.row().isPresent()) {
        updated.add(l.studentNumber());
        String hash = idHashes.get(l.line());
        lineByHash.put(hash, l);
        if (holdersByHash.containsKey(hash)) {
          work.add(l);
        }
      }
    }
    while (!work.isEmpty()) {
      Line l = work.poll();
      if (!updated.contains(l.studentNumber())) {
        continue; // refused already
      }
      String other = null;
      for (String holder : holdersByHash.get(idHashes.get(l.line()))) {
        if (!holder.equals(l.studentNumber()) && !updated.contains(holder)) {
          other = holder;
          break;
        }
      }
      if (other == null) {
        continue;
      }
      Integer otherLine = firstLineOf.get(other);
      out.put(
          l.line(),
          new Problem(
              "id_number",
              otherLine == null
                  ? "该证件号码已登记在本批次学号" + other + "下"
                  : "该证件号码仍登记在本批次学号" + other + "下：本文件第" + otherLine + "行对该学号的修改未能导入"));
      updated.remove(l.studentNumber());
      // Its stored entry keeps the ID numbers it holds: lines taking them must be judged again.
      for (String kept : hashesByHolder.getOrDefault(l.studentNumber(), List.of())) {
        Line taker = lineByHash.get(kept);
        if (taker != null && updated.contains(taker.studentNumber())) {
          work.add(taker);
        }
      }
    }
    return out;
  }

  private static ImportReport report(List<Line> verdicts, Map<String, Boolean> created) {
    int made = 0;
    int updated = 0;
    int unchanged = 0;
    int rejected = 0;
    List<LineReport> lines = new ArrayList<>(verdicts.size());
    for (Line l : verdicts) {
      String outcome;
      if (l.row().isEmpty()) {
        outcome = "REJECTED";
        rejected++;
      } else if (Boolean.TRUE.equals(created.get(l.studentNumber()))) {
        outcome = "CREATED";
        made++;
      } else if (created.containsKey(l.studentNumber())) {
        outcome = "UPDATED";
        updated++;
      } else {
        outcome = "UNCHANGED";
        unchanged++;
      }
      lines.add(new LineReport(l.line(), l.studentNumber(), outcome, l.problems()));
    }
    return new ImportReport(verdicts.size(), made, updated, unchanged, rejected, lines);
  }

  @Override
  public Uni<List<EntryView>> entries(Actor actor, UUID batchId, int page, int size) {
    return batches
        .get(actor, batchId)
        .chain(b -> roster.page(b.id(), Math.max(0, page), Math.max(1, Math.min(size, 500))));
  }

  @Override
  public Uni<Void> unbind(Actor actor, UUID entryId, String reason) {
    Access.requireOperator(actor);
    String why = reason == null ? null : reason.strip();
    if (why != null && (why.isEmpty() || why.length() > MAX_UNBIND_REASON)) {
      throw new IdentityRefusal(Reason.UNBIND_REASON_INVALID, Map.of("max", MAX_UNBIND_REASON));
    }
    return roster
        .unbind(entryId, why, actor.id(), Instant.now(), RosterService::revoked)
        .map(
            freed -> {
              if (freed.isEmpty()) {
                throw new IdentityRefusal(Reason.NOT_BOUND);
              }
              return null;
            });
  }

  /**
   * Every service learns that the account no longer owns the collection; the collection id stays,
   * so the rightful student continues it when they bind the entry.
   */
  private static EventEnvelope<BindingRevoked> revoked(RosterRepository.Unbound u) {
    Instant now = Instant.now();
    return EventEnvelope.of(
        new BindingRevoked(
            u.collectionId(), u.studentId(), u.entryId(), u.batchId(), u.schoolCode(), now),
        u.collectionId().toString(),
        Ids.newId().toString(),
        now);
  }

  @Override
  public Uni<List<RosterUseCase.Unbinding>> unbindings(Actor actor, UUID batchId) {
    Access.requireOperator(actor);
    return roster.unbindings(batchId);
  }
}
