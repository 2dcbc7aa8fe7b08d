package org.gradphoto.delivery.domain;

/** Which review result a notification tells the student. */
public enum NotificationKind {
  // The result fills the template's phrase field (WeChat: at most 5 Chinese characters, nothing
  // else), the remark its thing field (at most 20 characters); WeChat refuses longer values.
  REVIEW_PASSED("初审通过", "正在进行信息比对，请留意采集状态"),
  REVIEW_REJECTED("需要重拍", "请查看原因后重新拍摄");

  private final String result;
  private final String remark;

  NotificationKind(String result, String remark) {
    this.result = result;
    this.remark = remark;
  }

  /** The result shown in the subscription message (a phrase: ≤ 5 Chinese characters). */
  public String result() {
    return result;
  }

  public String remark() {
    return remark;
  }
}
