package org.gradphoto.identity.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.identity.application.port.out.EligibilityAttempts;
import org.gradphoto.identity.application.port.out.PendingMatches;
import org.gradphoto.identity.domain.EligibilityMode;

@ApplicationScoped
class PgEligibilityAttempts implements EligibilityAttempts {
  private final Pool pool;

  PgEligibilityAttempts(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<Counts> failuresSince(UUID studentId, String subjectKey, Instant since) {
    return pool.preparedQuery(
            "select (select count(*) from eligibility_attempt where student_id = $1 and at >= $3)"
                + " as by_account, (select count(*) from eligibility_attempt where subject_key = $2"
                + " and at >= $3) as by_subject")
        .execute(Tuple.of(studentId, subjectKey, Sql.time(since)))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new Counts(r.getLong("by_account"), r.getLong("by_subject"));
            });
  }

  @Override
  public Uni<Void> recordFailure(UUID studentId, String subjectKey, String mode, Instant at) {
    return pool.preparedQuery(
            "insert into eligibility_attempt (id, student_id, subject_key, mode, at)"
                + " values ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(UUID.randomUUID(), studentId, subjectKey, mode, Sql.time(at)))
        .replaceWithVoid();
  }
}

@ApplicationScoped
class PgPendingMatches implements PendingMatches {
  private final Pool pool;

  PgPendingMatches(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<Void> save(PendingMatch m) {
    return pool.preparedQuery(
            "insert into pending_match (id, student_id, roster_entry_id, expires_at, mode)"
                + " values ($1, $2, $3, $4, $5)")
        .execute(
            Tuple.of(
                m.id(), m.studentId(), m.rosterEntryId(), Sql.time(m.expiresAt()), m.mode().name()))
        .replaceWithVoid();
  }

  @Override
  public Uni<java.util.Optional<PendingMatch>> find(UUID matchId, UUID studentId, Instant now) {
    return pool.preparedQuery(
            "select id, student_id, roster_entry_id, expires_at, mode from pending_match"
                + " where id = $1 and student_id = $2 and expires_at > $3")
        .execute(Tuple.of(matchId, studentId, Sql.time(now)))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return java.util.Optional.empty();
              }
              Row r = rows.iterator().next();
              return java.util.Optional.of(
                  new PendingMatch(
                      r.getUUID("id"),
                      r.getUUID("student_id"),
                      r.getUUID("roster_entry_id"),
                      Sql.instant(r, "expires_at"),
                      // matches saved before modes A and B confirmed too were mode C's
                      r.getString("mode") == null
                          ? EligibilityMode.ID_AND_PHONE
                          : EligibilityMode.valueOf(r.getString("mode"))));
            });
  }
}
