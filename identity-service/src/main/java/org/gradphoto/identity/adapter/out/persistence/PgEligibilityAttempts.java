package org.gradphoto.identity.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  /**
   * Takes a unit from one budget under its row lock: a new window starts when the old one is over;
   * no row comes back when the budget is used up.
   */
  private static final String TAKE =
      """
      insert into eligibility_budget as b (budget_key, window_start, used) values ($1, $2, 1)
      on conflict (budget_key) do update
        set used = case when b.window_start <= $3 then 1 else b.used + 1 end,
            window_start = case when b.window_start <= $3 then $2 else b.window_start end
        where b.window_start <= $3 or b.used < $4
      returning used
      """;

  /** Thrown inside the transaction to roll back the units already taken. */
  private static final class UsedUp extends RuntimeException {
    UsedUp() {
      super(null, null, false, false);
    }
  }

  @Override
  public Uni<Boolean> reserve(List<Budget> budgets, Instant now, Duration window) {
    // Always in the same order, so two attempts sharing budgets cannot deadlock.
    List<Budget> ordered =
        budgets.stream().sorted(java.util.Comparator.comparing(Budget::key)).toList();
    return pool.withTransaction(
            conn -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (Budget b : ordered) {
                chain =
                    chain.chain(
                        () ->
                            conn.preparedQuery(TAKE)
                                .execute(
                                    Tuple.of(
                                        b.key(),
                                        Sql.time(now),
                                        Sql.time(now.minus(window)),
                                        b.limit()))
                                .map(
                                    rows -> {
                                      if (rows.size() == 0) {
                                        throw new UsedUp();
                                      }
                                      return null;
                                    }));
              }
              return chain.replaceWith(Boolean.TRUE);
            })
        .onFailure(UsedUp.class)
        .recoverWithItem(Boolean.FALSE);
  }

  @Override
  public Uni<Void> release(List<Budget> budgets) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    // One row at a time, in the order reserve locks them.
    for (String key : budgets.stream().map(Budget::key).sorted().toList()) {
      chain =
          chain.chain(
              () ->
                  pool.preparedQuery(
                          "update eligibility_budget set used = greatest(used - 1, 0)"
                              + " where budget_key = $1")
                      .execute(Tuple.of(key))
                      .replaceWithVoid());
    }
    return chain;
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
