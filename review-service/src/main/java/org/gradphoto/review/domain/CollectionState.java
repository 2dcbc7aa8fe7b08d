package org.gradphoto.review.domain;

/** The states a student sees, as review-service keeps them per collection. */
public enum CollectionState {
  /** Eligible (or paid) but no photo submitted yet. */
  AWAITING_PHOTO("等待提交照片"),
  IN_REVIEW("审核中"),
  REJECTED("初审失败，请重拍"),
  /** Passed; the comparison runs, and pay-after-review batches wait for the payment. */
  PASSED("照片初审通过，正在进行信息比对"),
  COMPLETED("采集完成");

  private final String label;

  CollectionState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
