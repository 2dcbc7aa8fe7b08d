package org.gradphoto.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL server per test JVM, started on a random port the first time it is asked for.
 * Each caller gets its own database so test suites sharing the JVM do not see each other.
 */
public final class RealPostgres {
  private static EmbeddedPostgres server;

  private RealPostgres() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(RealPostgres::stop));
    }
    return server;
  }

  /** Creates the database if it does not exist yet and returns its reactive client URL. */
  public static synchronized String database(String name) {
    EmbeddedPostgres pg = server();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
      if (!rs.next()) {
        s.execute("create database \"" + name + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return "postgresql://localhost:" + pg.getPort() + "/" + name;
  }

  public static String jdbcUrl(String name) {
    database(name);
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
  }

  private static synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException ignored) {
        // the JVM is exiting; the temporary directory is removed by the library
      }
      server = null;
    }
  }
}
