package org.gradphoto.review.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A rule of review said no: which rule, and the facts that matter. The words a reviewer reads and
 * the HTTP answer are the inbound adapter's business ({@code adapter.in.rest.ReviewRefusals}).
 */
public final class ReviewRefusal extends RuntimeException {

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

  private final Reason reason;
  private final Map<String, Object> facts;

  public ReviewRefusal(Reason reason) {
    this(reason, Map.of());
  }

  public ReviewRefusal(Reason reason, Map<String, Object> facts) {
    // A refusal is an answer, not a fault: no stack trace to fill.
    super(reason.name(), null, false, false);
    this.reason = Objects.requireNonNull(reason);
    this.facts = Map.copyOf(facts);
  }

  public Reason reason() {
    return reason;
  }

  /** The facts behind the refusal, e.g. the unknown reason code or a length limit. */
  public Map<String, Object> facts() {
    return facts;
  }
}
