package org.gradphoto.identity.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gradphoto.identity.application.port.out.SchoolRepository;
import org.gradphoto.identity.domain.School;

@ApplicationScoped
class PgSchoolRepository implements SchoolRepository {
  private final Pool pool;

  PgSchoolRepository(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<School> save(School school) {
    return pool.preparedQuery(
            "insert into school (code, name, created_at) values ($1, $2, now())"
                + " on conflict (code) do update set name = excluded.name")
        .execute(Tuple.of(school.code(), school.name()))
        .replaceWith(school);
  }

  @Override
  public Uni<Optional<School>> find(String code) {
    return pool.preparedQuery("select code, name from school where code = $1")
        .execute(Tuple.of(code))
        .map(
            rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
  }

  @Override
  public Uni<List<School>> search(String text, int limit) {
    String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return pool.preparedQuery(
            "select code, name from school where name like $1 or code like $1"
                + " order by name limit $2")
        .execute(Tuple.of(pattern, limit))
        .map(
            rows -> {
              List<School> out = new ArrayList<>();
              rows.forEach(r -> out.add(map(r)));
              return out;
            });
  }

  private static School map(Row r) {
    return new School(r.getString("code"), r.getString("name"));
  }
}
