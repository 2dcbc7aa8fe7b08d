package org.gradphoto.delivery.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gradphoto.delivery.application.port.out.RosterLines;
import org.gradphoto.delivery.domain.RosterLine;

@ApplicationScoped
class PanacheRosterLines implements RosterLines {

  @Override
  public Uni<Void> upsert(List<RosterLine> lines) {
    Map<UUID, RosterLine> byId =
        lines.stream()
            .collect(Collectors.toMap(RosterLine::rosterEntryId, Function.identity(), (a, b) -> b));
    Instant now = Instant.now();
    // One select for the lines already known (up to 1,000 per event), one persistAll, one flush.
    return RosterLineEntity.<RosterLineEntity>list(
            "rosterEntryId in :ids", Parameters.with("ids", byId.keySet()))
        .chain(
            known -> {
              Map<UUID, RosterLineEntity> existing =
                  known.stream()
                      .collect(Collectors.toMap(e -> e.rosterEntryId, Function.identity()));
              List<RosterLineEntity> fresh = new ArrayList<>();
              for (RosterLine l : byId.values()) {
                RosterLineEntity e = existing.get(l.rosterEntryId());
                boolean isNew = e == null;
                RosterLineEntity row = isNew ? new RosterLineEntity() : e;
                row.rosterEntryId = l.rosterEntryId();
                row.batchId = l.batchId();
                row.schoolCode = l.schoolCode();
                row.studentNumber = l.studentNumber();
                row.studentName = l.studentName();
                row.idNumberMasked = l.idNumberMasked();
                row.updatedAt = now;
                if (isNew) {
                  fresh.add(row);
                }
              }
              // One persistAll: a chain of one persist per line (1,000 deep) never completed and
              // left the consumer's transaction open for good.
              return Panache.getSession()
                  .chain(session -> session.persistAll(fresh.toArray()))
                  .chain(() -> Panache.flush());
            });
  }

  @Override
  public Uni<List<RosterLine>> ofBatch(String schoolCode, UUID batchId) {
    return RosterLineEntity.<RosterLineEntity>list(
            "schoolCode = :school and batchId = :batch",
            Sort.by("studentNumber"),
            Parameters.with("school", schoolCode).and("batch", batchId))
        .map(
            l ->
                l.stream()
                    .map(
                        e ->
                            new RosterLine(
                                e.rosterEntryId,
                                e.batchId,
                                e.schoolCode,
                                e.studentNumber,
                                e.studentName,
                                e.idNumberMasked))
                    .toList());
  }
}
