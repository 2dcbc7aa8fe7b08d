package org.gradphoto.identity.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.identity.application.port.out.BatchRepository;
import org.gradphoto.identity.domain.Batch;

@ApplicationScoped
class PgBatchRepository implements BatchRepository {
  private static final String UPSERT =
      """
      insert into batch (id, school_code, name, opens_at, closes_at, price_fen, payment_policy,
        spec_profile, modes, review_promise, service_description, shooting_requirements,
        allow_submit_with_findings, background_colours, upload_min_bytes, upload_max_bytes,
        sign_up_opens_at, sign_up_closes_at, notice, review_promise_text, support_phone,
        support_hours, updated_at)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
        $19, $20, $21, $22, now())
      on conflict (id) do update set name = excluded.name, opens_at = excluded.opens_at,
        closes_at = excluded.closes_at, price_fen = excluded.price_fen,
        payment_policy = excluded.payment_policy, spec_profile = excluded.spec_profile,
        modes = excluded.modes, review_promise = excluded.review_promise,
        service_description = excluded.service_description,
        shooting_requirements = excluded.shooting_requirements,
        allow_submit_with_findings = excluded.allow_submit_with_findings,
        background_colours = excluded.background_colours,
        upload_min_bytes = excluded.upload_min_bytes, upload_max_bytes = excluded.upload_max_bytes,
        sign_up_opens_at = excluded.sign_up_opens_at,
        sign_up_closes_at = excluded.sign_up_closes_at, notice = excluded.notice,
        review_promise_text = excluded.review_promise_text,
        support_phone = excluded.support_phone, support_hours = excluded.support_hours,
        updated_at = now()
      """;

  private final Pool pool;

  PgBatchRepository(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<Batch> save(Batch b) {
    Tuple t =
        Tuple.tuple()
            .addUUID(b.id())
            .addString(b.schoolCode())
            .addString(b.name())
            .addOffsetDateTime(Sql.time(b.window().opensAt()))
            .addOffsetDateTime(Sql.time(b.window().closesAt()))
            .addLong(b.priceFen())
            .addString(b.paymentPolicy().name())
            .addString(b.specProfile())
            .addString(Sql.modes(b.modes()))
            .addString(b.reviewPromise())
            .addString(b.serviceDescription())
            .addString(b.shootingRequirements())
            .addBoolean(b.allowSubmitWithFindings())
            .addString(String.join(",", b.backgroundColours()))
            .addLong(b.uploadMinBytes())
            .addLong(b.uploadMaxBytes())
            .addOffsetDateTime(Sql.time(b.signUp().opensAt()))
            .addOffsetDateTime(Sql.time(b.signUp().closesAt()))
            .addString(b.notice())
            .addString(b.reviewPromiseText())
            .addString(b.supportPhone())
            .addString(b.supportHours());
    return pool.preparedQuery(UPSERT).execute(t).replaceWith(b);
  }

  @Override
  public Uni<Optional<Batch>> find(UUID id) {
    return pool.preparedQuery("select " + Sql.BATCH_COLUMNS + " from batch b where b.id = $1")
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(Sql.batch(rows.iterator().next())));
  }

  @Override
  public Uni<List<Batch>> ofSchool(String schoolCode) {
    return pool.preparedQuery(
            "select "
                + Sql.BATCH_COLUMNS
                + " from batch b where b.school_code = $1 order by b.opens_at desc")
        .execute(Tuple.of(schoolCode))
        .map(
            rows -> {
              List<Batch> out = new ArrayList<>();
              rows.forEach(r -> out.add(Sql.batch(r)));
              return out;
            });
  }
}
