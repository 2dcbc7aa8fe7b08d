package org.gradphoto.review.domain;

/** One finding of the photo engine, as the student saw it when submitting. */
public record Finding(
    String code, String severity, String message, Double measured, String threshold) {
  /** Findings the engine would have refused without a reviewer's look. */
  public boolean isReject() {
    return "REJECT".equalsIgnoreCase(severity);
  }
}
