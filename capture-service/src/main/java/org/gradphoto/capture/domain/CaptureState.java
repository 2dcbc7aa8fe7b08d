package org.gradphoto.capture.domain;

/** The review-side lifecycle of a collection as capture sees it. */
public enum CaptureState {
  /** The student may upload and submit (again, after a rejection). */
  CAPTURING,
  /** An attempt waits for review. */
  UNDER_REVIEW,
  /** 照片初审通过，正在进行信息比对: locked. */
  PASSED,
  /** 采集完成: locked. */
  COMPLETED,
  /** Delivered to the school (上网中): locked. */
  DELIVERED;

  public boolean locked() {
    return this == PASSED || this == COMPLETED || this == DELIVERED;
  }
}
