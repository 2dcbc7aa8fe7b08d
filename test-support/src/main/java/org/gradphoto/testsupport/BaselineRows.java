package org.gradphoto.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills every table of a schema with rows whose values come from the column types, so a migration
 * test needs no hand-kept fixture that drifts from the baseline. Values differ per row (unique
 * constraints hold); a column restricted by a {@code CHECK (... = ANY (ARRAY['A', ...]))} (how
 * Hibernate maps enums) gets one of the allowed values; columns with a default (sequences) are left
 * to it.
 */
final class BaselineRows {
  private static final Pattern LITERAL = Pattern.compile("'([^']*)'::");

  private BaselineRows() {}

  static void fill(String jdbcUrl, int rowsPerTable) {
    try (Connection c = SchemaSnapshot.connect(jdbcUrl)) {
      Map<String, List<String>> allowed = allowedValues(c);
      for (String table : SchemaSnapshot.tables(jdbcUrl)) {
        List<String[]> columns = columns(c, table);
        List<String> names = new ArrayList<>();
        List<String> holes = new ArrayList<>();
        for (String[] col : columns) {
          names.add("\"" + col[0] + "\"");
          holes.add("?::" + col[1]);
        }
        String sql =
            "insert into \""
                + table
                + "\" ("
                + String.join(", ", names)
                + ") values ("
                + String.join(", ", holes)
                + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
          for (int i = 1; i <= rowsPerTable; i++) {
            for (int k = 0; k < columns.size(); k++) {
              String[] col = columns.get(k);
              insert.setString(k + 1, value(col, i, allowed.get(table + "." + col[0])));
            }
            insert.executeUpdate();
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not fill the baseline tables", e);
    }
  }

  /** Columns without a default: name, type, maximum length (or null). */
  private static List<String[]> columns(Connection c, String table) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select column_name, udt_name, character_maximum_length from"
                + " information_schema.columns where table_schema = 'public' and table_name = ?"
                + " and column_default is null order by ordinal_position")) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    return columns;
  }

  /** table.column → the literals its CHECK constraint allows. */
  private static Map<String, List<String>> allowedValues(Connection c) throws SQLException {
    Map<String, List<String>> allowed = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select conrelid::regclass::text, a.attname, pg_get_constraintdef(k.oid) from"
                    + " pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum"
                    + " = any (k.conkey) where k.contype = 'c' and k.connamespace ="
                    + " 'public'::regnamespace")) {
      while (rs.next()) {
        List<String> literals = new ArrayList<>();
        Matcher m = LITERAL.matcher(rs.getString(3));
        while (m.find()) {
          literals.add(m.group(1));
        }
        if (!literals.isEmpty()) {
          allowed.put(rs.getString(1) + "." + rs.getString(2), literals);
        }
      }
    }
    return allowed;
  }

  private static String value(String[] col, int i, List<String> allowed) {
    if (allowed != null) {
      return allowed.get((i - 1) % allowed.size());
    }
    return switch (col[1]) {
      case "uuid" -> UUID.randomUUID().toString();
      case "bool" -> String.valueOf(i % 2 == 0);
      case "int2", "int4", "int8", "numeric" -> String.valueOf(i * 7);
      case "float4", "float8" -> String.valueOf(i + 0.25);
      case "timestamptz", "timestamp" ->
          OffsetDateTime.of(2026, 6, i, 8, 30, 15, 123_456_000, ZoneOffset.UTC).toString();
      case "date" -> "2026-06-0" + i;
      case "bytea" -> "\\x0" + i;
      case "json", "jsonb" -> "{\"row\": " + i + "}";
      default -> {
        String text = "baseline " + col[0] + " " + i;
        int max = col[2] == null ? Integer.MAX_VALUE : Integer.parseInt(col[2]);
        yield text.length() <= max ? text : text.substring(text.length() - max);
      }
    };
  }
}
