package org.gradphoto.review.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.gradphoto.review.domain.Outcome;
import org.gradphoto.review.domain.ReviewTask.ReasonChoice;

/** Passes or rejects a claimed photo, finally; emits ReviewPassed or ReviewRejected. */
public interface DecideTaskUseCase {
  Uni<TaskDetails> decide(Staff staff, UUID taskId, DecideCommand command);

  /** The reviewer's decision: outcome, reasons from the fixed list (rejections), optional note. */
  record DecideCommand(Outcome outcome, List<ReasonChoice> reasons, String note) {}
}
