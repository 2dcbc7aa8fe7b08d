package org.gradphoto.delivery.domain;

/** Which review result a notification tells the student. */
public enum NotificationKind {
  REVIEW_PASSED("照片初审通过", "正在进行信息比对，请留意采集状态"),
  REVIEW_REJECTED("初审失败，请重拍", "请查看原因后重新拍摄");

  private final String result;
  private final String remark;

  NotificationKind(String result, String remark) {
    this.result = result;
    this.remark = remark;
  }

  /** The result sentence shown in the subscription message. */
  public String result() {
    return result;
  }

  public String remark() {
    return remark;
  }
}
