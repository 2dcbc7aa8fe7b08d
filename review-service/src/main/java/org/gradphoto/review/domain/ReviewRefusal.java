package org.gradphoto.review.domain;

import java.util.Map;
import org.gradphoto.kernel.error.Refusal;

/**
 * A rule of review said no: which rule, and the facts that matter. The words a reviewer reads and
 * the HTTP answer are the inbound adapter's business ({@code adapter.in.rest.ReviewRefusals}).
 */
public final class ReviewRefusal extends Refusal {

  /** Every way review refuses; the adapter must word each one (an exhaustive switch). */
  public enum Reason {
    TASK_CLAIMED,
    NOT_CLAIMED,
    LEASE_EXPIRED,
    TASK_DECIDED,
    TASK_SUPERSEDED,
    TASK_WITHDRAWN,
    ALREADY_CLAIMED,
    NOTHING_TO_WITHDRAW,
    NOT_DECIDED,
    COLLECTION_COMPLETED,
    NEWER_PHOTO,
    REJECT_WITHOUT_REASON,
    PASS_WITH_REASONS,
    UNKNOWN_REASON,
    OTHER_WITHOUT_TEXT,
    NO_OUTCOME,
    REOPEN_WITHOUT_REASON,
    NOTE_TOO_LONG,
    TASK_NOT_FOUND,
    COLLECTION_NOT_FOUND,
    NOT_A_REVIEWER,
    NOT_AN_OPERATOR,
    NOT_YOUR_SCHOOL
  }

  public ReviewRefusal(Reason reason) {
    this(reason, Map.of());
  }

  public ReviewRefusal(Reason reason, Map<String, Object> facts) {
    super(reason, facts);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
