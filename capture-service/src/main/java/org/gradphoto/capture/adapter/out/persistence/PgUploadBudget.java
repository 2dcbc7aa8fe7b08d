package org.gradphoto.capture.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.capture.application.port.out.UploadBudget;

/**
 * One conditional upsert per upload: PostgreSQL locks the account's row for the conflict update, so
 * concurrent uploads are counted one after another and the {@code where} refuses the one over the
 * limit (no count-then-insert gap).
 */
@ApplicationScoped
class PgUploadBudget implements UploadBudget {
  private static final String TAKE =
      """
      insert into upload_budget (student_id, window_start, used) values (:student, :window, 1)
      on conflict (student_id, window_start)
      do update set used = upload_budget.used + 1 where upload_budget.used < :limit
      """;

  @Override
  public Uni<Boolean> take(UUID studentId, Instant windowStart, int limit) {
    if (limit <= 0) {
      return Uni.createFrom().item(false);
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(TAKE)
                    .setParameter("student", studentId)
                    .setParameter("window", windowStart)
                    .setParameter("limit", limit)
                    .executeUpdate())
        .map(rows -> rows == 1);
  }

  @Override
  public Uni<Integer> forgetBefore(Instant before) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery("delete from upload_budget where window_start < :before")
                    .setParameter("before", before)
                    .executeUpdate());
  }
}
