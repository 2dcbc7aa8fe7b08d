package org.gradphoto.kernel.logging;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradphoto.kernel.error.ProblemException;

/**
 * A failure as it may be written to a log: the class and stack frames of every exception in the
 * cause chain, without their messages. Messages of database drivers and frameworks quote the values
 * that failed ({@code Key (school_code, student_number)=(10999, 2021001) already exists}, a name
 * that did not fit a column), and those are personal data.
 */
public final class Redacted extends RuntimeException {
  private static final int MAX_CAUSES = 16;

  private Redacted(Throwable original, Redacted cause) {
    super(nameOf(original) + " (message withheld)", cause, false, true);
    setStackTrace(original.getStackTrace());
  }

  /** The cause chain of {@code failure} with every message withheld; null stays null. */
  public static Redacted of(Throwable failure) {
    if (failure == null) {
      return null;
    }
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure;
        t != null && !seen.containsKey(t) && chain.size() < MAX_CAUSES;
        t = t.getCause()) {
      seen.put(t, true);
      chain.add(t);
    }
    Redacted redacted = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      redacted = new Redacted(chain.get(i), redacted);
    }
    return redacted;
  }

  /** One line for a log: the class names of the chain, outermost first, without messages. */
  public static String describe(Throwable failure) {
    StringBuilder line = new StringBuilder();
    for (Throwable t = of(failure); t != null; t = t.getCause()) {
      if (!line.isEmpty()) {
        line.append(" <- ");
      }
      line.append(t.getMessage().replace(" (message withheld)", ""));
    }
    return line.toString();
  }

  /** The class name; for our own problems also their code, which is a constant, never data. */
  private static String nameOf(Throwable t) {
    String name = t.getClass().getName();
    return t instanceof ProblemException p ? name + "[" + p.code() + "]" : name;
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
