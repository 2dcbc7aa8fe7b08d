package org.gradphoto.identity.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.identity.domain.RosterColumn;
import org.gradphoto.identity.domain.RosterValidation;
import org.gradphoto.kernel.security.Actor;

/** A batch's roster: imported from a file, listed (masked) and, by an operator, unbound. */
public interface RosterUseCase {
  /**
   * Imports the lines of a roster file into a batch: good lines are created or updated by (school,
   * student number) in one transaction, bad lines are reported; nothing is half written.
   */
  Uni<ImportReport> importRoster(Actor actor, UUID batchId, List<Map<RosterColumn, String>> lines);

  Uni<List<EntryView>> entries(Actor actor, UUID batchId, int page, int size);

  /**
   * Frees a roster entry from its WeChat account so the right student can bind it (operator), and
   * records the reason (null only through the older call without one).
   */
  Uni<Void> unbind(Actor actor, UUID entryId, String reason);

  /** Who unbound which entries of the batch, and why. */
  Uni<List<Unbinding>> unbindings(Actor actor, UUID batchId);

  record Unbinding(
      UUID entryId,
      String studentNumber,
      String name,
      String reason,
      String operatorId,
      java.time.Instant at) {}

  record ImportReport(
      int total, int created, int updated, int unchanged, int rejected, List<LineReport> lines) {}

  /**
   * {@code outcome}: CREATED, UPDATED, UNCHANGED (a re-imported line equal to the stored entry,
   * which is not rewritten) or REJECTED.
   */
  record LineReport(
      int line, String studentNumber, String outcome, List<RosterValidation.Problem> problems) {}

  record EntryView(
      UUID id,
      String studentNumber,
      String name,
      String idType,
      String idNumberMasked,
      String degreeLevel,
      boolean hasChsiCode,
      boolean bound) {}
}
