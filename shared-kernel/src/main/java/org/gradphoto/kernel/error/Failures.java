package org.gradphoto.kernel.error;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Sorts a failure (of a consumer, or of a request) into what waiting cures (the database or the
 * network is away, a transaction lost a race) and what it never cures. Only the cause chain's types
 * and PostgreSQL's SQLSTATE are read, never messages, which may quote personal data.
 */
public final class Failures {
  /** SQLSTATE classes and codes a retry of the same transaction can succeed on. */
  private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58");

  private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "55P03");

  private static final Set<String> TRANSIENT_TYPES =
      Set.of(
          // Vert.x SQL client: pool closed or connection dropped under us
          "io.vertx.core.VertxException",
          "io.vertx.sqlclient.ClosedConnectionException",
          "io.vertx.core.http.ConnectionPoolTooBusyException",
          "io.netty.channel.ConnectTimeoutException",
          "io.netty.channel.StacklessClosedChannelException",
          // Hibernate's translations of the same conditions
          "org.hibernate.exception.JDBCConnectionException",
          "org.hibernate.exception.LockAcquisitionException",
          "org.hibernate.PessimisticLockException",
          "jakarta.persistence.PessimisticLockException",
          "jakarta.persistence.OptimisticLockException",
          "org.hibernate.StaleObjectStateException",
          "org.hibernate.exception.LockTimeoutException",
          "jakarta.persistence.LockTimeoutException",
          "jakarta.persistence.QueryTimeoutException");

  private Failures() {}

  /** True when the same message may well succeed later without anyone changing anything. */
  public static boolean isTransient(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof ProblemException || t instanceof Refusal) {
        return false;
      }
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException
          || t instanceof ClosedChannelException
          || t instanceof TimeoutException
          || t instanceof java.net.SocketTimeoutException
          || t instanceof java.net.SocketException) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null) {
        String state = pg.getSqlState();
        if (TRANSIENT_CODES.contains(state)
            || (state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
          return true;
        }
      }
      if (TRANSIENT_TYPES.contains(t.getClass().getName())) {
        return true;
      }
    }
    return false;
  }

  /** A handler's explicit "no": a domain rule refused the event; retrying cannot change that. */
  public static boolean isRefusal(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof ProblemException || t instanceof Refusal) {
        return true;
      }
    }
    return false;
  }
}
