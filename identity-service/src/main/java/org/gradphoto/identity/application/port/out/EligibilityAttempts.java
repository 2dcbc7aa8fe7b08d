package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/**
 * Failed eligibility attempts, counted per account and per subject (the keyed hash of the ID number
 * or CHSI code typed, whether or not such an entry exists, so a limit reveals nothing).
 */
public interface EligibilityAttempts {
  record Counts(long byAccount, long bySubject) {}

  Uni<Counts> failuresSince(UUID studentId, String subjectKey, Instant since);

  Uni<Void> recordFailure(UUID studentId, String subjectKey, String mode, Instant at);
}
