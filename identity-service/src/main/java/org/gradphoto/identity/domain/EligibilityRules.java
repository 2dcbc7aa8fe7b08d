package org.gradphoto.identity.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides what a student gets once their details matched one or more roster entries (a person may
 * be on two batches, e.g. bachelor's and master's). An entry already bound to this student is
 * simply theirs; otherwise the newest batch that offers the mode and is open now is granted.
 */
public final class EligibilityRules {
  private EligibilityRules() {}

  /** What happens to a match. */
  public sealed interface Decision {}

  /** The student already holds this entry: nothing new is created. */
  public record AlreadyHeld(Candidate candidate) implements Decision {}

  /** Bind this entry to the student and open a collection. */
  public record Grant(Candidate candidate) implements Decision {}

  /** Refused; {@code candidate} says which batch the reason is about. */
  public record Refused(Reason reason, Candidate candidate) implements Decision {}

  /** Why a matched student is refused (the ranking of the enum is the order of importance). */
  public enum Reason {
    BOUND_TO_ANOTHER_ACCOUNT,
    OUTSIDE_WINDOW,
    MODE_NOT_OFFERED
  }

  public static Decision decide(
      List<Candidate> matches, UUID studentId, EligibilityMode mode, Instant now) {
    if (matches.isEmpty()) {
      throw new IllegalArgumentException("decide needs at least one match");
    }
    List<Candidate> newestFirst =
        matches.stream()
            .sorted(Comparator.comparing((Candidate c) -> c.batch().window().opensAt()).reversed())
            .toList();
    Optional<Candidate> held =
        newestFirst.stream()
            .filter(c -> c.entry().boundStudentId().filter(studentId::equals).isPresent())
            .findFirst();
    Optional<Candidate> grantable =
        newestFirst.stream()
            .filter(c -> c.entry().boundStudentId().isEmpty())
            .filter(c -> c.batch().offers(mode))
            .filter(c -> c.batch().signUp().contains(now))
            .findFirst();
    if (grantable.isPresent()) {
      return new Grant(grantable.get());
    }
    if (held.isPresent()) {
      return new AlreadyHeld(held.get());
    }
    Refused worst = null;
    for (Candidate c : newestFirst) {
      Reason r;
      if (c.entry().boundStudentId().isPresent()) {
        r = Reason.BOUND_TO_ANOTHER_ACCOUNT;
      } else if (!c.batch().offers(mode)) {
        r = Reason.MODE_NOT_OFFERED;
      } else {
        r = Reason.OUTSIDE_WINDOW;
      }
      if (worst == null || r.ordinal() < worst.reason().ordinal()) {
        worst = new Refused(r, c);
      }
    }
    return worst;
  }
}
