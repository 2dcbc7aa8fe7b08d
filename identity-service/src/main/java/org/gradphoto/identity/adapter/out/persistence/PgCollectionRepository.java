package org.gradphoto.identity.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.identity.application.port.in.CollectionsQuery.CollectionView;
import org.gradphoto.identity.application.port.in.CollectionsQuery.Reason;
import org.gradphoto.identity.application.port.out.CollectionRepository;
import org.gradphoto.identity.domain.Batch;
import org.gradphoto.identity.domain.CollectionStatus;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.messaging.Outbox;

/**
 * Collections. Writes that must commit with an event or with the consumer's processed-event mark
 * run in the Hibernate Reactive session's transaction (the kernel's Outbox and IdempotentConsumer
 * use it); reads go straight to the pool.
 */
@ApplicationScoped
class PgCollectionRepository implements CollectionRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VIEW =
      "select c.id as c_id, c.price_fen as c_price, c.status, c.paid, c.rejection_reasons,"
          + " c.granted_at, c.updated_at, r.student_number, r.name as r_name, r.degree_level,"
          + " s.name as school_name, "
          + Sql.BATCH_COLUMNS
          + " from collection c join batch b on b.id = c.batch_id"
          + " join roster_entry r on r.id = c.roster_entry_id join school s on s.code = b.school_code"
          + " where c.student_id = $1 and c.revoked_at is null";

  private final Pool pool;
  private final Outbox outbox;

  PgCollectionRepository(Pool pool, Outbox outbox) {
    this.pool = pool;
    this.outbox = outbox;
  }

  @Override
  public Uni<Boolean> grant(EventEnvelope<EligibilityGranted> event, Instant at) {
    EligibilityGranted g = event.payload();
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(
                                "update roster_entry set bound_student_id = :student,"
                                    + " bound_at = :at where id = :entry"
                                    + " and bound_student_id is null")
                            .setParameter("student", g.studentId())
                            .setParameter("at", at)
                            .setParameter("entry", g.rosterEntryId())
                            .executeUpdate()
                            .chain(
                                bound ->
                                    bound == 0
                                        ? Uni.createFrom().item(false)
                                        : s.createNativeQuery(
                                                "insert into collection (id, student_id,"
                                                    + " roster_entry_id, batch_id, price_fen,"
                                                    + " status, status_at, paid, granted_at,"
                                                    + " updated_at) values (:id, :student, :entry,"
                                                    + " :batch, :price, :status, :at, false, :at,"
                                                    + " :at)"
                                                    // The rightful student continues the
                                                    // collection an unbinding revoked; whether it
                                                    // is paid stays as it was.
                                                    + " on conflict (id) do update set student_id"
                                                    + " = excluded.student_id, status ="
                                                    + " excluded.status, status_at ="
                                                    + " excluded.status_at, rejection_reasons ="
                                                    + " null, granted_at = excluded.granted_at,"
                                                    + " updated_at = excluded.updated_at,"
                                                    + " revoked_at = null where"
                                                    + " collection.revoked_at is not null and"
                                                    + " collection.roster_entry_id ="
                                                    + " excluded.roster_entry_id")
                                            .setParameter("id", g.collectionId())
                                            .setParameter("student", g.studentId())
                                            .setParameter("entry", g.rosterEntryId())
                                            .setParameter("batch", g.batchId())
                                            .setParameter("price", g.priceFen())
                                            .setParameter(
                                                "status", CollectionStatus.AWAITING_PHOTO.name())
                                            .setParameter("at", at)
                                            .executeUpdate()
                                            .invoke(
                                                written -> {
                                                  if (written == 0) {
                                                    // Rolls the binding back: the id names a
                                                    // live collection or another entry's.
                                                    throw new IllegalStateException(
                                                        "collection "
                                                            + g.collectionId()
                                                            + " is not free to grant");
                                                  }
                                                })
                                            .chain(() -> outbox.append(event))
                                            .replaceWith(true))));
  }

  @Override
  public Uni<Optional<UUID>> revokedOf(UUID rosterEntryId) {
    return pool.preparedQuery(
            "select id from collection where roster_entry_id = $1 and revoked_at is not null"
                + " order by revoked_at desc limit 1")
        .execute(Tuple.of(rosterEntryId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getUUID("id")));
  }

  @Override
  public Uni<Optional<UUID>> activeOf(UUID rosterEntryId, UUID studentId) {
    return pool.preparedQuery(
            "select id from collection where roster_entry_id = $1 and student_id = $2"
                + " and revoked_at is null")
        .execute(Tuple.of(rosterEntryId, studentId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getUUID("id")));
  }

  @Override
  public Uni<List<CollectionView>> ofStudent(UUID studentId) {
    return pool.preparedQuery(VIEW + " order by c.granted_at desc")
        .execute(Tuple.of(studentId))
        .map(
            rows -> {
              List<CollectionView> out = new ArrayList<>();
              rows.forEach(r -> out.add(view(r)));
              return out;
            });
  }

  @Override
  public Uni<Optional<CollectionView>> one(UUID studentId, UUID collectionId) {
    return pool.preparedQuery(VIEW + " and c.id = $2")
        .execute(Tuple.of(studentId, collectionId))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
  }

  @Override
  public Uni<Optional<Progress>> progress(UUID collectionId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select status || '|' || cast(floor(extract(epoch from status_at) * 1000000)"
                            + " as bigint) from collection where id = :id for update",
                        String.class)
                    .setParameter("id", collectionId)
                    .getResultList())
        .map(
            rows -> {
              if (rows.isEmpty()) {
                return Optional.empty();
              }
              String[] parts = rows.get(0).split("\\|");
              long micros = Long.parseLong(parts[1]);
              return Optional.of(
                  new Progress(
                      CollectionStatus.valueOf(parts[0]),
                      Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000)));
            });
  }

  @Override
  public Uni<Void> setStatus(
      UUID collectionId, CollectionStatus status, Instant at, List<Reason> reasons) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "update collection set status = :status, status_at = :at,"
                            + " rejection_reasons = :reasons, updated_at = now() where id = :id")
                    .setParameter("status", status.name())
                    .setParameter("at", at)
                    .setParameter("reasons", reasons.isEmpty() ? null : write(reasons))
                    .setParameter("id", collectionId)
                    .executeUpdate())
        .replaceWithVoid();
  }

  @Override
  public Uni<Void> setPaid(UUID collectionId, boolean paid, Instant at) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "update collection set paid = :paid, paid_at = :at, updated_at = now()"
                            + " where id = :id")
                    .setParameter("paid", paid)
                    .setParameter("at", paid ? at : null)
                    .setParameter("id", collectionId)
                    .executeUpdate())
        .replaceWithVoid();
  }

  private static CollectionView view(Row r) {
    Batch b = Sql.batch(r);
    CollectionStatus status = CollectionStatus.valueOf(r.getString("status"));
    return new CollectionView(
        r.getUUID("c_id"),
        b.id(),
        b.name(),
        b.schoolCode(),
        r.getString("school_name"),
        r.getString("student_number"),
        r.getString("r_name"),
        r.getString("degree_level"),
        r.getLong("c_price"),
        b.paymentPolicy().name(),
        b.window().opensAt(),
        b.window().closesAt(),
        b.window().describe(),
        b.serviceDescription(),
        b.shootingRequirements(),
        b.reviewPromise(),
        b.specProfile(),
        b.backgroundColours(),
        status,
        status.label(),
        r.getBoolean("paid"),
        read(r.getString("rejection_reasons")),
        Sql.instant(r, "granted_at"),
        Sql.instant(r, "updated_at"),
        b.notice(),
        b.reviewPromiseShown(),
        b.supportPhone(),
        b.supportHours(),
        b.uploadMinBytes(),
        b.uploadMaxBytes(),
        b.signUp().opensAt(),
        b.signUp().closesAt(),
        b.signUp().describe());
  }

  private static String write(List<Reason> reasons) {
    try {
      return JSON.writeValueAsString(reasons);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Reason> read(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Reason>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored rejection reasons are unreadable", e);
    }
  }
}
