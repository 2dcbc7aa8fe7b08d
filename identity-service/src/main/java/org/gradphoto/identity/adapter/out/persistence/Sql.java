package org.gradphoto.identity.adapter.out.persistence;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gradphoto.identity.domain.Batch;
import org.gradphoto.identity.domain.CollectionWindow;
import org.gradphoto.identity.domain.EligibilityMode;
import org.gradphoto.identity.domain.IdType;
import org.gradphoto.identity.domain.PaymentPolicy;
import org.gradphoto.identity.domain.RosterEntry;

/** Row mapping shared by the repositories. */
final class Sql {
  static final String BATCH_COLUMNS =
      "b.id as b_id, b.school_code as b_school, b.name as b_name, b.opens_at, b.closes_at,"
          + " b.price_fen, b.payment_policy, b.spec_profile, b.modes, b.review_promise,"
          + " b.service_description, b.shooting_requirements, b.allow_submit_with_findings,"
          + " b.background_colours, b.upload_min_bytes, b.upload_max_bytes, b.sign_up_opens_at,"
          + " b.sign_up_closes_at, b.notice, b.review_promise_text, b.support_phone,"
          + " b.support_hours";

  static final String ENTRY_COLUMNS =
      "r.id as r_id, r.batch_id as r_batch, r.school_code as r_school, r.student_number,"
          + " r.name as r_name, r.id_type, r.id_masked, r.id_sealed, r.phone_hash,"
          + " r.degree_level, r.bound_student_id";

  private Sql() {}

  static OffsetDateTime time(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  static Batch batch(Row r) {
    Set<EligibilityMode> modes =
        Arrays.stream(r.getString("modes").split(","))
            .filter(s -> !s.isBlank())
            .map(EligibilityMode::valueOf)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    return new Batch(
        r.getUUID("b_id"),
        r.getString("b_school"),
        r.getString("b_name"),
        new CollectionWindow(instant(r, "opens_at"), instant(r, "closes_at")),
        r.getLong("price_fen"),
        PaymentPolicy.valueOf(r.getString("payment_policy")),
        r.getString("spec_profile"),
        modes,
        r.getString("review_promise"),
        r.getString("service_description"),
        r.getString("shooting_requirements"),
        r.getBoolean("allow_submit_with_findings"),
        List.of(r.getString("background_colours").split(",")),
        r.getLong("upload_min_bytes"),
        r.getLong("upload_max_bytes"),
        signUp(r),
        r.getString("notice"),
        r.getString("review_promise_text"),
        r.getString("support_phone"),
        r.getString("support_hours"));
  }

  /** Batches stored before the sign-up window existed sign up during the shooting window. */
  private static CollectionWindow signUp(Row r) {
    Instant opens = instant(r, "sign_up_opens_at");
    Instant closes = instant(r, "sign_up_closes_at");
    return opens == null || closes == null ? null : new CollectionWindow(opens, closes);
  }

  static RosterEntry entry(Row r) {
    return new RosterEntry(
        r.getUUID("r_id"),
        r.getUUID("r_batch"),
        r.getString("r_school"),
        r.getString("student_number"),
        r.getString("r_name"),
        IdType.valueOf(r.getString("id_type")),
        r.getString("id_masked"),
        r.getString("id_sealed"),
        Optional.ofNullable(r.getString("phone_hash")),
        r.getString("degree_level"),
        Optional.ofNullable((UUID) r.getUUID("bound_student_id")));
  }

  static String modes(Set<EligibilityMode> modes) {
    return modes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
