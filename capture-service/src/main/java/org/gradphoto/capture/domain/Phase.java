package org.gradphoto.capture.domain;

/** What the student should do next with a collection; {@link #nextStep()} says it in Chinese. */
public enum Phase {
  NOT_ELIGIBLE(false, "还没有获取采集资格，请先在「获取采集资格」中核验身份。"),
  AWAITING_PAYMENT(false, "请先在「服务内容」页面完成支付，支付成功后即可拍照上传。"),
  NOT_YET_OPEN(false, "本批次的拍摄尚未开始，请在拍摄时间内拍照上传。"),
  WINDOW_CLOSED(false, "本批次的采集时间已截止，不能再上传照片，如需补拍请联系学校。"),
  READY_TO_SHOOT(true, "请先阅读拍摄要求，然后拍照或从相册选取照片上传：请他人用手机后置摄像头，在白墙前约 1 米处拍摄胸部以上的半身照。"),
  READY_TO_SUBMIT(true, "请查看标准化后的照片和检测结果，选择满意的一张提交审核；不满意可以随时重拍。"),
  RETAKE_REQUESTED(true, "初审失败，请重拍。"),
  UNDER_REVIEW(false, "照片已提交，正在等待人工审核，请耐心等待审核结果。"),
  PASSED(false, "照片初审通过，正在进行信息比对。照片已锁定，不能再修改。"),
  COMPLETED(false, "采集完成。照片已锁定，不能再修改，可以下载标准照。"),
  DELIVERED(false, "照片已报送学校（上网中），已锁定，不能再修改。");

  private final boolean capturing;
  private final String nextStep;

  Phase(boolean capturing, String nextStep) {
    this.capturing = capturing;
    this.nextStep = nextStep;
  }

  /** True when uploads, adjustments and submissions are allowed. */
  public boolean capturing() {
    return capturing;
  }

  public String nextStep() {
    return nextStep;
  }
}
