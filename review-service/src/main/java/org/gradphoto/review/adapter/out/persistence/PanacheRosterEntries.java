package org.gradphoto.review.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gradphoto.review.application.port.out.RosterEntries;

@ApplicationScoped
class PanacheRosterEntries implements RosterEntries {

  @Override
  public Uni<Void> upsert(List<Line> lines) {
    Map<UUID, Line> byId =
        lines.stream()
            .collect(Collectors.toMap(Line::rosterEntryId, Function.identity(), (a, b) -> b));
    Instant now = Instant.now();
    // One select for the lines already known (up to 1,000 per event), one persistAll, one flush.
    return RosterEntryEntity.<RosterEntryEntity>list(
            "rosterEntryId in :ids", Parameters.with("ids", byId.keySet()))
        .chain(
            known -> {
              Map<UUID, RosterEntryEntity> existing =
                  known.stream()
                      .collect(Collectors.toMap(e -> e.rosterEntryId, Function.identity()));
              List<RosterEntryEntity> fresh = new ArrayList<>();
              for (Line l : byId.values()) {
                RosterEntryEntity e = existing.get(l.rosterEntryId());
                RosterEntryEntity row = e == null ? new RosterEntryEntity() : e;
                row.rosterEntryId = l.rosterEntryId();
                row.batchId = l.batchId();
                row.schoolCode = l.schoolCode();
                row.studentNumber = l.studentNumber();
                row.updatedAt = now;
                if (e == null) {
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
  public Uni<List<NotStarted>> notStartedByBatch(Set<String> schools) {
    String hql =
        "select r.batchId, r.schoolCode, count(r) from RosterEntryEntity r where not exists"
            + " (select 1 from CollectionReviewEntity c where c.batchId = r.batchId"
            + " and c.studentNumber = r.studentNumber)"
            + (schools == null ? "" : " and r.schoolCode in :schools")
            + " group by r.batchId, r.schoolCode";
    return BatchRows.select(hql, schools, Map.of())
        .map(
            rows ->
                rows.stream()
                    .map(r -> new NotStarted((UUID) r[0], (String) r[1], BatchRows.number(r[2])))
                    .toList());
  }
}
