package org.gradphoto.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what a database holds in its {@code public} schema: the shape (columns, constraints,
 * indexes, sequences) as comparable text, and every row of every table. Flyway's own history table
 * is left out of both.
 */
public final class SchemaSnapshot {
  static final String HISTORY = "flyway_schema_history";

  private SchemaSnapshot() {}

  /** The schema's shape, one line per column, constraint, index and sequence, sorted. */
  public static String shape(String jdbcUrl) {
    StringBuilder out = new StringBuilder();
    try (Connection c = connect(jdbcUrl);
        Statement s = c.createStatement()) {
      append(
          out,
          s,
          "select 'column ' || table_name || '.' || column_name || ' #' || ordinal_position || ' '"
              + " || udt_name || coalesce('(' || character_maximum_length || ')', '')"
              + " || coalesce(' p' || numeric_precision || ',' || numeric_scale, '')"
              + " || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-')"
              + " || ' identity=' || is_identity || coalesce('/' || identity_generation, '')"
              + " from information_schema.columns where table_schema = 'public' and table_name <> '"
              + HISTORY
              + "' order by 1");
      append(
          out,
          s,
          "select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' ||"
              + " pg_get_constraintdef(oid) from pg_constraint where connamespace ="
              + " 'public'::regnamespace and conrelid::regclass::text <> '"
              + HISTORY
              + "' order by 1");
      append(
          out,
          s,
          "select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname ="
              + " 'public' and tablename <> '"
              + HISTORY
              + "' order by 1");
      append(
          out,
          s,
          "select 'sequence ' || sequencename || ' ' || data_type || ' start=' || start_value || '"
              + " inc=' || increment_by || ' min=' || min_value || ' max=' || max_value || ' cache='"
              + " || cache_size || ' cycle=' || cycle from pg_sequences where schemaname = 'public'"
              + " order by 1");
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the schema of " + jdbcUrl, e);
    }
    return out.toString();
  }

  /** The tables of the public schema (without Flyway's history), sorted by name. */
  public static List<String> tables(String jdbcUrl) {
    List<String> tables = new ArrayList<>();
    try (Connection c = connect(jdbcUrl);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE' and table_name <> '"
                    + HISTORY
                    + "' order by 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not list the tables of " + jdbcUrl, e);
    }
    return tables;
  }

  /**
   * Every row of every table, as column name → text value (SQL text rendering, so any column type
   * compares), rows sorted by their text so two snapshots compare regardless of physical order.
   */
  public static Map<String, List<Map<String, String>>> rows(String jdbcUrl) {
    Map<String, List<Map<String, String>>> all = new TreeMap<>();
    try (Connection c = connect(jdbcUrl);
        Statement s = c.createStatement()) {
      for (String table : tables(jdbcUrl)) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select * from \"" + table + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
              row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
            }
            rows.add(row);
          }
        }
        rows.sort((a, b) -> a.toString().compareTo(b.toString()));
        all.put(table, rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the rows of " + jdbcUrl, e);
    }
    return all;
  }

  static Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
  }

  private static void append(StringBuilder out, Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
  }
}
