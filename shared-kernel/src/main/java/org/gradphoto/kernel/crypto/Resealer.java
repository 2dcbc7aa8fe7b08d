package org.gradphoto.kernel.crypto;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The background half of a key rotation: seals the values of one column again under the sealer's
 * active key, a batch per transaction ({@code for update skip locked}, so replicas doing the same
 * share the work and writers are never blocked for long). Each row is updated only if it still
 * holds the value read, so a concurrent write of a fresh value wins. The service keeps running
 * meanwhile: every held key opens, only the active one seals.
 */
public final class Resealer {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  /** A sealed column and the primary key of its table (SQL names, lower case). */
  public record Column(String table, String id, String column) {
    public Column {
      for (String n : List.of(table, id, column)) {
        if (!NAME.matcher(n).matches()) {
          throw new IllegalArgumentException("not an SQL name: " + n);
        }
      }
    }
  }

  private final Pool pool;
  private final Sealer sealer;

  public Resealer(Pool pool, Sealer sealer) {
    this.pool = pool;
    this.sealer = sealer;
  }

  /** Reseals every value of the column not under the active key; returns how many it changed. */
  public Uni<Integer> resealAll(Column c, int batchSize) {
    return resealBatch(c, batchSize)
        .chain(
            n ->
                n < batchSize
                    ? Uni.createFrom().item(n)
                    : resealAll(c, batchSize).map(rest -> n + rest));
  }

  /** One batch: at most {@code batchSize} rows; fewer means the column is done. */
  public Uni<Integer> resealBatch(Column c, int batchSize) {
    String select =
        "select "
            + c.id()
            + " as id, "
            + c.column()
            + " as sealed from "
            + c.table()
            + " where "
            + c.column()
            + " is not null and "
            + c.column()
            + " not like $1 limit $2 for update skip locked";
    String update =
        "update "
            + c.table()
            + " set "
            + c.column()
            + " = $1 where "
            + c.id()
            + " = $2 and "
            + c.column()
            + " = $3";
    // The key id may hold '_', a LIKE wildcard: escaped (backslash is PostgreSQL's LIKE escape).
    String current = "v2:" + sealer.activeKeyId().replace("_", "\\_") + ":%";
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(select)
                .execute(Tuple.of(current, batchSize))
                .chain(
                    rows -> {
                      List<Tuple> changes = new ArrayList<>();
                      for (Row r : rows) {
                        String old = r.getString("sealed");
                        changes.add(Tuple.of(sealer.reseal(old), r.getValue("id"), old));
                      }
                      if (changes.isEmpty()) {
                        return Uni.createFrom().item(0);
                      }
                      return conn.preparedQuery(update)
                          .executeBatch(changes)
                          .replaceWith(changes.size());
                    }));
  }
}
