package org.gradphoto.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * What every service's migrations must keep: a database at the baseline (V1), filled with rows in
 * every table, is migrated to the newest version, and every row is still there with every value it
 * had (in the columns that existed at the baseline). A migration that drops or rewrites data fails
 * here, before it reaches a production database.
 *
 * <p>A service's test extends this class and names its database; it runs without Quarkus, on the
 * real PostgreSQL, with the migrations the service ships ({@code db/migration} on its classpath).
 */
public abstract class MigrationContract {
  private static final int ROWS_PER_TABLE = 3;

  /** The service's database name (a copy named {@code <name>_migration} is used). */
  protected abstract String database();

  @Test
  void everyBaselineRowSurvivesTheMigrations() {
    String url = RealPostgres.jdbcUrl(database() + "_migration");
    flyway(url, "1").migrate();
    List<String> tables = SchemaSnapshot.tables(url);
    assertFalse(tables.isEmpty(), "the baseline creates the service's tables");
    BaselineRows.fill(url, ROWS_PER_TABLE);
    Map<String, List<Map<String, String>>> before = SchemaSnapshot.rows(url);
    before.forEach(
        (table, rows) -> assertEquals(ROWS_PER_TABLE, rows.size(), table + " filled at baseline"));

    flyway(url, "latest").migrate();

    Map<String, List<Map<String, String>>> after = SchemaSnapshot.rows(url);
    for (var table : before.entrySet()) {
      List<Map<String, String>> now = after.get(table.getKey());
      assertTrue(now != null, table.getKey() + " still exists after the migrations");
      for (Map<String, String> row : table.getValue()) {
        assertTrue(
            now.stream().anyMatch(r -> r.entrySet().containsAll(row.entrySet())),
            table.getKey() + " lost or changed a row: " + row);
      }
    }
  }

  private static Flyway flyway(String url, String target) {
    // The locations and baseline the services use (shared-kernel's microprofile-config).
    return Flyway.configure()
        .dataSource(url, "postgres", "postgres")
        .locations("classpath:db/migration")
        .target(target)
        .load();
  }
}
