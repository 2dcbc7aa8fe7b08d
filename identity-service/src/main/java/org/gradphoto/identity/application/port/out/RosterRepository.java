package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.identity.application.port.in.RosterUseCase;
import org.gradphoto.identity.domain.Candidate;
import org.gradphoto.identity.domain.CollectionStatus;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EventEnvelope;

/** Roster entries: bulk upsert, the lookups eligibility needs, binding to a student. */
public interface RosterRepository {
  /**
   * A roster line ready to store: personal identifiers already hashed and sealed by the core. The
   * phone is kept only as a keyed hash: matching (mode C) is all it is needed for. {@code name} and
   * {@code studentNumber} stay readable (shown on the confirmation page).
   */
  record StoredLine(
      String studentNumber,
      String name,
      String idType,
      String idHash,
      String idSealed,
      String idMasked,
      String phoneHash,
      String chsiCode,
      String degreeLevel) {
    @Override
    public String toString() {
      return "StoredLine[" + idMasked + "]";
    }
  }

  /**
   * Creates or updates the lines by (school, student number) in one transaction. All or nothing. An
   * entry whose stored values already equal the line's (same batch, name, ID type, ID hash, phone
   * hash, CHSI code and degree level) is left as it is, not rewritten. Returns, per student number
   * written, true if it was created and false if it was updated; student numbers left as they were
   * are absent. The created and changed entries are announced (RosterEntriesChanged: id, student
   * number, name, masked ID) in the same transaction.
   */
  Uni<Map<String, Boolean>> upsert(UUID batchId, String schoolCode, List<StoredLine> lines);

  /** A stored entry of a batch holding an ID number, known only by its keyed hash. */
  record HeldId(String idHash, String studentNumber) {}

  /** The entries already in the batch under any of these ID hashes. */
  Uni<List<HeldId>> idHolders(UUID batchId, List<String> idHashes);

  Uni<List<Candidate>> byIdHash(String idHash, Optional<String> schoolCode);

  Uni<List<Candidate>> byChsiCode(String chsiCode);

  Uni<Optional<Candidate>> byId(UUID entryId);

  Uni<List<RosterUseCase.EntryView>> page(UUID batchId, int page, int size);

  /**
   * Every entry of the batch with its live collection (none if never granted or unbound), ordered
   * by student number: what the roster-based progress view counts.
   */
  Uni<List<EntryProgress>> progressOf(UUID batchId);

  record EntryProgress(
      UUID entryId,
      String studentNumber,
      String name,
      String idMasked,
      String degreeLevel,
      boolean bound,
      UUID collectionId,
      CollectionStatus status,
      boolean paid,
      java.time.Instant statusAt) {}

  /**
   * Frees the entry, closes the collection bound through it, records who did it and why and appends
   * the revocation event made from what was freed, in one transaction; empty (nothing written) if
   * it was not bound.
   */
  Uni<Optional<Unbound>> unbind(
      UUID entryId,
      String reason,
      String operatorId,
      java.time.Instant at,
      java.util.function.Function<Unbound, EventEnvelope<BindingRevoked>> event);

  /** What an unbinding freed: the account that held the entry and its collection (if any). */
  record Unbound(
      UUID entryId, UUID studentId, UUID collectionId, UUID batchId, String schoolCode) {}

  /** The batch's recorded unbindings, newest first. */
  Uni<List<RosterUseCase.Unbinding>> unbindings(UUID batchId);
}
