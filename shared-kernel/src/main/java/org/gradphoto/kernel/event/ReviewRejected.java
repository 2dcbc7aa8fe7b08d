package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reviewer rejected the attempt (初审失败，请重拍); capture reopens with these reasons. */
public record ReviewRejected(
    UUID collectionId,
    UUID attemptId,
    UUID reviewTaskId,
    UUID batchId,
    String schoolCode,
    String reviewerId,
    List<Reason> reasons,
    Instant decidedAt)
    implements EventPayload {

  /** A reason from the fixed list, with the sentence the student reads. */
  public record Reason(String code, String message) {}
}
