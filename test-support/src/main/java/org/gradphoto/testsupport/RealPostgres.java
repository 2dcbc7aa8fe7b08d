package org.gradphoto.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real PostgreSQL server per test JVM, started on a random port the first time it is asked for.
 * Each caller gets its own database so test suites sharing the JVM do not see each other.
 */
public final class RealPostgres {
  private static EmbeddedPostgres server;
  private static Stopped stopped;

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

  /**
   * Stops the server the way a failover or a crash does to its clients (fast shutdown: sessions are
   * cut, new connections refused) and keeps its data for {@link #startAgain()}.
   */
  public static synchronized void stopForOutage() {
    try {
      String dataDir;
      try (Connection c = server().getPostgresDatabase().getConnection();
          Statement s = c.createStatement();
          var rs = s.executeQuery("show data_directory")) {
        rs.next();
        dataDir = rs.getString(1);
      }
      // postmaster.opts is the command line the postmaster was started with (binary first): the
      // restart needs the same options (port, fsync off, settings) and pg_ctl beside the binary.
      List<String> opts = words(Files.readString(Path.of(dataDir, "postmaster.opts")));
      Path pgCtl = Path.of(opts.get(0)).resolveSibling("pg_ctl");
      stopped =
          new Stopped(
              Path.of(dataDir), pgCtl, String.join(" ", quoted(opts.subList(1, opts.size()))));
      // -m fast: sessions are cut at once, as a failover does (smart would wait for the pool).
      pgCtl(pgCtl, List.of("-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"));
    } catch (SQLException e) {
      throw new IllegalStateException("could not stop PostgreSQL", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server stopped by {@link #stopForOutage()} again, same port and data. */
  public static synchronized void startAgain() {
    if (stopped == null) {
      throw new IllegalStateException("PostgreSQL was not stopped");
    }
    Stopped s = stopped;
    Path log = s.dataDir().resolveSibling(s.dataDir().getFileName() + "-restart.log");
    pgCtl(
        s.pgCtl(),
        List.of(
            "-D",
            s.dataDir().toString(),
            "-o",
            s.options(),
            "-l",
            log.toString(),
            "-w",
            "-t",
            "60",
            "start"));
    stopped = null;
  }

  private static void pgCtl(Path pgCtl, List<String> args) {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      // PostgreSQL refuses to run as root; the embedded server was started in a user namespace
      // (unshare -U, where root is nobody), so its restart is too.
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(pgCtl.toString());
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("pg_ctl " + args.getLast() + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Splits postmaster.opts: words in double quotes (the postmaster quotes each argument). */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line.trim());
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return words;
  }

  private static List<String> quoted(List<String> words) {
    return words.stream().map(w -> "\"" + w + "\"").toList();
  }

  private record Stopped(Path dataDir, Path pgCtl, String options) {}

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
