package org.gradphoto.identity.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.gradphoto.identity.application.port.out.StudentAccounts;

@ApplicationScoped
class PgStudentAccounts implements StudentAccounts {
  private final Pool pool;

  PgStudentAccounts(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<UUID> findOrCreate(String openIdHash, String openIdSealed) {
    return pool.preparedQuery(
            "insert into student (id, openid_hash, openid_sealed, created_at, last_login_at)"
                + " values ($1, $2, $3, now(), now()) on conflict (openid_hash)"
                + " do update set last_login_at = now() returning id")
        .execute(Tuple.of(UUID.randomUUID(), openIdHash, openIdSealed))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }
}
