package org.gradphoto.review.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/** Claims with a lease, so two reviewers never decide the same photo. */
public interface ClaimTaskUseCase {
  /** Claims (or renews) a task; fails with 409 if another reviewer holds it. */
  Uni<TaskDetails> claim(Staff staff, UUID taskId);

  /** Claims the first available task of the queue by due time; empty when none is left. */
  Uni<Optional<TaskDetails>> claimNext(Staff staff, QueueFilter filter);

  /** Gives a claimed task back to the queue. */
  Uni<Void> release(Staff staff, UUID taskId);
}
