package org.gradphoto.identity.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.gradphoto.identity.application.port.in.RosterUseCase.EntryView;
import org.gradphoto.identity.application.port.out.RosterRepository;
import org.gradphoto.identity.domain.Candidate;
import org.gradphoto.identity.domain.CollectionStatus;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.RosterEntriesChanged;
import org.gradphoto.kernel.messaging.Outbox;

/**
 * Roster entries. Imports go through {@code unnest} arrays in chunks inside one transaction: tens
 * of thousands of rows in a few statements, and a failure rolls back every chunk.
 */
@ApplicationScoped
class PgRosterRepository implements RosterRepository {
  private static final int CHUNK = 5_000;
  private static final String UPSERT =
      """
      insert into roster_entry (id, batch_id, school_code, student_number, name, id_type, id_hash,
        id_sealed, id_masked, phone_hash, chsi_code, degree_level, created_at, updated_at)
      select gen_random_uuid(), $1, $2, u.student_number, u.name, u.id_type, u.id_hash,
        u.id_sealed, u.id_masked, u.phone_hash, u.chsi_code, u.degree_level, now(), now()
      from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
        $9::text[], $10::text[], $11::text[])
        as u(student_number, name, id_type, id_hash, id_sealed, id_masked, phone_hash,
        chsi_code, degree_level)
      on conflict (school_code, student_number) do update set batch_id = excluded.batch_id,
        name = excluded.name, id_type = excluded.id_type, id_hash = excluded.id_hash,
        id_sealed = excluded.id_sealed, id_masked = excluded.id_masked,
        phone_hash = excluded.phone_hash,
        chsi_code = excluded.chsi_code, degree_level = excluded.degree_level, updated_at = now()
      where (roster_entry.batch_id, roster_entry.name, roster_entry.id_type, roster_entry.id_hash,
        roster_entry.phone_hash, roster_entry.chsi_code, roster_entry.degree_level)
        is distinct from (excluded.batch_id, excluded.name, excluded.id_type, excluded.id_hash,
        excluded.phone_hash, excluded.chsi_code, excluded.degree_level)
      returning id, student_number, name, id_masked, (xmax = 0) as created
      """;
  private static final String CANDIDATES =
      "select "
          + Sql.ENTRY_COLUMNS
          + ", "
          + Sql.BATCH_COLUMNS
          + ", s.name as school_name from roster_entry r join batch b on b.id = r.batch_id"
          + " join school s on s.code = r.school_code where ";

  private final Pool pool;
  private final Outbox outbox;

  PgRosterRepository(Pool pool, Outbox outbox) {
    this.pool = pool;
    this.outbox = outbox;
  }

  @Override
  public Uni<Map<String, Boolean>> upsert(UUID batchId, String schoolCode, List<StoredLine> lines) {
    List<List<StoredLine>> chunks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += CHUNK) {
      chunks.add(lines.subList(i, Math.min(lines.size(), i + CHUNK)));
    }
    Instant now = Instant.now();
    return pool.withTransaction(
        c ->
            Multi.createFrom()
                .iterable(chunks)
                .onItem()
                .transformToUniAndConcatenate(
                    chunk -> upsertChunk(c, batchId, schoolCode, chunk, now))
                .collect()
                .in(HashMap<String, Boolean>::new, (all, part) -> all.putAll(part))
                .map(m -> (Map<String, Boolean>) m));
  }

  private Uni<Map<String, Boolean>> upsertChunk(
      SqlConnection c, UUID batchId, String schoolCode, List<StoredLine> chunk, Instant now) {
    Tuple t =
        Tuple.tuple()
            .addUUID(batchId)
            .addString(schoolCode)
            .addArrayOfString(column(chunk, StoredLine::studentNumber))
            .addArrayOfString(column(chunk, StoredLine::name))
            .addArrayOfString(column(chunk, StoredLine::idType))
            .addArrayOfString(column(chunk, StoredLine::idHash))
            .addArrayOfString(column(chunk, StoredLine::idSealed))
            .addArrayOfString(column(chunk, StoredLine::idMasked))
            .addArrayOfString(column(chunk, StoredLine::phoneHash))
            .addArrayOfString(column(chunk, StoredLine::chsiCode))
            .addArrayOfString(column(chunk, StoredLine::degreeLevel));
    return c.preparedQuery(UPSERT)
        .execute(t)
        .chain(
            rows -> {
              Map<String, Boolean> created = new HashMap<>();
              List<RosterEntriesChanged.Entry> written = new ArrayList<>();
              rows.forEach(
                  r -> {
                    created.put(r.getString("student_number"), r.getBoolean("created"));
                    written.add(
                        new RosterEntriesChanged.Entry(
                            r.getUUID("id"),
                            r.getString("student_number"),
                            r.getString("name"),
                            r.getString("id_masked")));
                  });
              return announce(c, batchId, schoolCode, written, now).replaceWith(created);
            });
  }

  /**
   * Tells the other services (delivery's missing list) which entries are now on the batch, in the
   * import's own transaction; entries left unchanged are not sent again.
   */
  private Uni<Void> announce(
      SqlConnection c,
      UUID batchId,
      String schoolCode,
      List<RosterEntriesChanged.Entry> written,
      Instant now) {
    Uni<Void> all = Uni.createFrom().voidItem();
    for (int i = 0; i < written.size(); i += RosterEntriesChanged.MAX_ENTRIES) {
      var part =
          List.copyOf(
              written.subList(i, Math.min(written.size(), i + RosterEntriesChanged.MAX_ENTRIES)));
      var event =
          EventEnvelope.of(
              new RosterEntriesChanged(batchId, schoolCode, part, now),
              batchId.toString(),
              "roster-" + batchId,
              now);
      all = all.chain(() -> outbox.append(c, event));
    }
    return all;
  }

  private static String[] column(List<StoredLine> lines, Function<StoredLine, String> f) {
    String[] out = new String[lines.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.apply(lines.get(i));
    }
    return out;
  }

  @Override
  public Uni<List<HeldId>> idHolders(UUID batchId, List<String> idHashes) {
    return pool.preparedQuery(
            "select id_hash, student_number from roster_entry where batch_id = $1"
                + " and id_hash = any($2)")
        .execute(Tuple.of(batchId, idHashes.toArray(String[]::new)))
        .map(
            rows -> {
              List<HeldId> out = new ArrayList<>();
              rows.forEach(
                  r -> out.add(new HeldId(r.getString("id_hash"), r.getString("student_number"))));
              return out;
            });
  }

  @Override
  public Uni<List<Candidate>> byIdHash(String idHash, Optional<String> schoolCode) {
    if (schoolCode.isPresent()) {
      return candidates(
          "r.id_hash = $1 and r.school_code = $2", Tuple.of(idHash, schoolCode.get()));
    }
    return candidates("r.id_hash = $1", Tuple.of(idHash));
  }

  @Override
  public Uni<List<Candidate>> byChsiCode(String chsiCode) {
    return candidates("r.chsi_code = $1", Tuple.of(chsiCode));
  }

  @Override
  public Uni<Optional<Candidate>> byId(UUID entryId) {
    return candidates("r.id = $1", Tuple.of(entryId)).map(l -> l.stream().findFirst());
  }

  private Uni<List<Candidate>> candidates(String where, Tuple args) {
    return pool.preparedQuery(CANDIDATES + where)
        .execute(args)
        .map(
            rows -> {
              List<Candidate> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(new Candidate(Sql.entry(r), Sql.batch(r), r.getString("school_name")));
              }
              return out;
            });
  }

  @Override
  public Uni<List<EntryView>> page(UUID batchId, int page, int size) {
    return pool.preparedQuery(
            "select id, student_number, name, id_type, id_masked, degree_level,"
                + " chsi_code is not null as has_chsi, bound_student_id is not null as bound"
                + " from roster_entry where batch_id = $1 order by student_number"
                + " limit $2 offset $3")
        .execute(Tuple.of(batchId, size, (long) page * size))
        .map(
            rows -> {
              List<EntryView> out = new ArrayList<>();
              rows.forEach(
                  r ->
                      out.add(
                          new EntryView(
                              r.getUUID("id"),
                              r.getString("student_number"),
                              r.getString("name"),
                              r.getString("id_type"),
                              r.getString("id_masked"),
                              r.getString("degree_level"),
                              r.getBoolean("has_chsi"),
                              r.getBoolean("bound"))));
              return out;
            });
  }

  @Override
  public Uni<List<EntryProgress>> progressOf(UUID batchId) {
    // At most one live (not revoked) collection per entry: the binding allows one account.
    return pool.preparedQuery(
            "select e.id, e.student_number, e.name, e.id_masked, e.degree_level,"
                + " e.bound_student_id is not null as bound, c.id as collection_id, c.status,"
                + " coalesce(c.paid, false) as paid,"
                + " cast(floor(extract(epoch from c.status_at) * 1000) as bigint) as status_ms"
                + " from roster_entry e left join collection c"
                + " on c.roster_entry_id = e.id and c.revoked_at is null"
                + " where e.batch_id = $1 order by e.student_number")
        .execute(Tuple.of(batchId))
        .map(
            rows -> {
              List<EntryProgress> out = new ArrayList<>();
              rows.forEach(
                  r -> {
                    String status = r.getString("status");
                    out.add(
                        new EntryProgress(
                            r.getUUID("id"),
                            r.getString("student_number"),
                            r.getString("name"),
                            r.getString("id_masked"),
                            r.getString("degree_level"),
                            r.getBoolean("bound"),
                            r.getUUID("collection_id"),
                            status == null ? null : CollectionStatus.valueOf(status),
                            r.getBoolean("paid"),
                            r.getLong("status_ms") == null
                                ? null
                                : java.time.Instant.ofEpochMilli(r.getLong("status_ms"))));
                  });
              return out;
            });
  }

  @Override
  public Uni<Optional<Unbound>> unbind(
      UUID entryId,
      String reason,
      String operatorId,
      Instant at,
      Function<Unbound, EventEnvelope<BindingRevoked>> event) {
    // In the Hibernate Reactive session's transaction, where the kernel's Outbox writes: the
    // revocation event commits with the freed entry. The entry is locked while it is freed, so the
    // student recorded (and named in the event) is the one unbound.
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(
                                "select cast(e.bound_student_id as text) || '|'"
                                    + " || coalesce(cast(c.id as text), '') || '|'"
                                    + " || cast(e.batch_id as text) || '|' || e.school_code"
                                    + " from roster_entry e left join collection c"
                                    + " on c.roster_entry_id = e.id and c.revoked_at is null"
                                    + " where e.id = :id and e.bound_student_id is not null"
                                    + " for update of e",
                                String.class)
                            .setParameter("id", entryId)
                            .getResultList()
                            .chain(
                                rows -> {
                                  if (rows.isEmpty()) {
                                    return Uni.createFrom().item(Optional.<Unbound>empty());
                                  }
                                  String[] p = rows.get(0).split("\\|", -1);
                                  Unbound u =
                                      new Unbound(
                                          entryId,
                                          UUID.fromString(p[0]),
                                          p[1].isEmpty() ? null : UUID.fromString(p[1]),
                                          UUID.fromString(p[2]),
                                          p[3]);
                                  return s.createNativeQuery(
                                          "update roster_entry set bound_student_id = null,"
                                              + " bound_at = null where id = :id")
                                      .setParameter("id", entryId)
                                      .executeUpdate()
                                      .chain(
                                          () ->
                                              s.createNativeQuery(
                                                      "update collection set revoked_at = :at,"
                                                          + " updated_at = :at where"
                                                          + " roster_entry_id = :id and revoked_at"
                                                          + " is null")
                                                  .setParameter("at", at)
                                                  .setParameter("id", entryId)
                                                  .executeUpdate())
                                      .chain(
                                          () ->
                                              s.createNativeQuery(
                                                      "insert into roster_unbinding (id,"
                                                          + " roster_entry_id, student_id, reason,"
                                                          + " operator_id, at) values"
                                                          + " (gen_random_uuid(), :id, :student,"
                                                          + " :reason, :operator, :at)")
                                                  .setParameter("id", entryId)
                                                  .setParameter("student", u.studentId())
                                                  .setParameter("reason", reason)
                                                  .setParameter("operator", operatorId)
                                                  .setParameter("at", at)
                                                  .executeUpdate())
                                      .chain(
                                          () ->
                                              u.collectionId() == null
                                                  ? Uni.createFrom().voidItem()
                                                  : outbox.append(event.apply(u)))
                                      .replaceWith(Optional.of(u));
                                })));
  }

  @Override
  public Uni<List<org.gradphoto.identity.application.port.in.RosterUseCase.Unbinding>> unbindings(
      UUID batchId) {
    return pool.preparedQuery(
            "select u.roster_entry_id, e.student_number, e.name, u.reason, u.operator_id,"
                + " cast(floor(extract(epoch from u.at) * 1000) as bigint) as at_ms"
                + " from roster_unbinding u join roster_entry e on e.id = u.roster_entry_id"
                + " where e.batch_id = $1 order by u.at desc limit 500")
        .execute(Tuple.of(batchId))
        .map(
            rows -> {
              List<org.gradphoto.identity.application.port.in.RosterUseCase.Unbinding> out =
                  new ArrayList<>();
              rows.forEach(
                  r ->
                      out.add(
                          new org.gradphoto.identity.application.port.in.RosterUseCase.Unbinding(
                              r.getUUID("roster_entry_id"),
                              r.getString("student_number"),
                              r.getString("name"),
                              r.getString("reason"),
                              r.getString("operator_id"),
                              java.time.Instant.ofEpochMilli(r.getLong("at_ms")))));
              return out;
            });
  }
}
