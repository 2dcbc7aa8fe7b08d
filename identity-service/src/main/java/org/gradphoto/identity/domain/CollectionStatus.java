package org.gradphoto.identity.domain;

/**
 * Where a collection stands, as the student sees it, kept current from the other services' events.
 * Payment is tracked beside it ({@code paid}), since it comes before capture or after review
 * depending on the batch.
 */
public enum CollectionStatus {
  /** Eligible; no photo submitted yet (待拍摄). */
  AWAITING_PHOTO("待拍摄"),
  /** A photo was submitted and waits for a reviewer (审核中). */
  IN_REVIEW("审核中"),
  /** 照片初审通过，正在进行信息比对. */
  REVIEW_PASSED("照片初审通过，正在进行信息比对"),
  /** 初审失败，请重拍 (with reasons). */
  REJECTED("初审失败，请重拍"),
  /** 采集完成. */
  COMPLETED("采集完成"),
  /** Delivered to the school (上网中): the photo can no longer change. */
  DELIVERED("已送达学校");

  private final String label;

  CollectionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Completed and delivered collections never move back, whatever arrives late. */
  public boolean isFinal() {
    return this == COMPLETED || this == DELIVERED;
  }

  /**
   * Whether an event that would set {@code next}, which happened at {@code at}, applies to a
   * collection now in this status since {@code since}. Events of different topics can arrive out of
   * order, so the newer one wins; a retake after a rejection is newer and moves back to review.
   */
  public boolean accepts(CollectionStatus next, java.time.Instant at, java.time.Instant since) {
    if (this == DELIVERED) {
      return false;
    }
    if (this == COMPLETED) {
      return next == DELIVERED;
    }
    if (next.isFinal()) {
      return true;
    }
    return since == null || !at.isBefore(since);
  }
}
