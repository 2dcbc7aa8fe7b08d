package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Eligibility attempts, limited per budget: the account, the subject (the keyed hash of the ID
 * number or CHSI code typed, whether or not such an entry exists, so a limit reveals nothing) and
 * the client address. An attempt takes one unit from each of its budgets before it is evaluated,
 * atomically, so parallel guesses cannot all pass a count read before any of them was recorded; a
 * grant gives its units back, so only failures and refusals use a budget up.
 */
public interface EligibilityAttempts {
  /** One budget: its key and how many attempts it allows per window. */
  record Budget(String key, int limit) {}

  /**
   * Takes one unit from every budget, or from none of them when any is used up.
   *
   * @return whether the attempt may be evaluated
   */
  Uni<Boolean> reserve(List<Budget> budgets, Instant now, Duration window);

  /** Gives back the units a granted attempt took. */
  Uni<Void> release(List<Budget> budgets);

  /** Keeps a failed attempt for the record (mode and time; no personal data). */
  Uni<Void> recordFailure(UUID studentId, String subjectKey, String mode, Instant at);
}
