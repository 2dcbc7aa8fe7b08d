package org.gradphoto.review.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** An operator undoes a decision, with a reason; the task returns to the queue. */
public interface ReopenDecisionUseCase {
  Uni<TaskDetails> reopen(Staff staff, UUID taskId, String reason);
}
