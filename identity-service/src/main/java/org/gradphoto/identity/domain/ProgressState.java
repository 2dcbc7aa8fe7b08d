package org.gradphoto.identity.domain;

/**
 * Where the students of a roster stand, counted from the roster: a student who never proved
 * eligibility is {@link #NOT_STARTED} (and missing), not left out. The states overlap on purpose,
 * as a school counts them: everyone on the roster is eligible, a paid student may also be in
 * review, and everyone not yet completed or delivered is missing.
 */
public enum ProgressState {
  ELIGIBLE("名单内"),
  NOT_STARTED("未开始"),
  STARTED("已认证待拍摄"),
  PAID("已付款"),
  SUBMITTED("已提交照片"),
  IN_REVIEW("审核中"),
  TO_RETAKE("待重拍"),
  PASSED("初审通过"),
  COMPLETED("采集完成"),
  DELIVERED("已送达学校"),
  MISSING("未完成");

  private final String label;

  ProgressState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Whether a student counts in this state. {@code status} is their collection's status, null when
   * they have none (never started, or unbound by an operator); {@code paid} its payment.
   */
  public boolean includes(CollectionStatus status, boolean paid) {
    return switch (this) {
      case ELIGIBLE -> true;
      case NOT_STARTED -> status == null;
      case STARTED -> status == CollectionStatus.AWAITING_PHOTO;
      case PAID -> status != null && paid;
      case SUBMITTED -> status != null && status != CollectionStatus.AWAITING_PHOTO;
      case IN_REVIEW -> status == CollectionStatus.IN_REVIEW;
      case TO_RETAKE -> status == CollectionStatus.REJECTED;
      case PASSED -> status == CollectionStatus.REVIEW_PASSED;
      case COMPLETED -> status == CollectionStatus.COMPLETED;
      case DELIVERED -> status == CollectionStatus.DELIVERED;
      case MISSING -> status == null || !status.isFinal();
    };
  }

  /** The one state a student's row shows: how far they got. */
  public static ProgressState of(CollectionStatus status) {
    if (status == null) {
      return NOT_STARTED;
    }
    return switch (status) {
      case AWAITING_PHOTO -> STARTED;
      case IN_REVIEW -> IN_REVIEW;
      case REJECTED -> TO_RETAKE;
      case REVIEW_PASSED -> PASSED;
      case COMPLETED -> COMPLETED;
      case DELIVERED -> DELIVERED;
    };
  }
}
