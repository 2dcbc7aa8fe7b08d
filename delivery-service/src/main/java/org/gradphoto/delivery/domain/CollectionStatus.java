package org.gradphoto.delivery.domain;

/** Where a student's collection stands, as delivery knows it. */
public enum CollectionStatus {
  /** Eligibility granted; no review result yet. */
  COLLECTING("采集中"),
  /** 照片初审通过，正在进行信息比对. */
  REVIEW_PASSED("照片初审通过，正在进行信息比对"),
  /** 初审失败，请重拍. */
  REJECTED("初审失败，请重拍"),
  /** 采集完成: the standard photo is pinned and downloadable. */
  COMPLETED("采集完成"),
  /** In a school package (上网中): the photo is locked. */
  DELIVERED("上网中"),
  /**
   * On the roster, never started (no eligibility yet). Only in the missing list: no collection is
   * ever stored in this state.
   */
  NOT_STARTED("未开始");

  private final String label;

  CollectionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean hasStandardPhoto() {
    return this == COMPLETED || this == DELIVERED;
  }
}
