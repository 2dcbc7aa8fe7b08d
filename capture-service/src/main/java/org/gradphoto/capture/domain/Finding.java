package org.gradphoto.capture.domain;

/**
 * One thing the standardization found about an attempt, as the student reads it.
 *
 * @param code stable machine-readable reason (e.g. {@code HEAD_TILTED})
 * @param severity {@code REJECT} (retake needed) or {@code WARN}
 * @param message what to do, in Chinese
 * @param measured the measured value, if there is one number
 * @param threshold the rule it broke, e.g. {@code "50–110"}
 * @param unit unit of measured and threshold
 */
public record Finding(
    String code, String severity, String message, Double measured, String threshold, String unit) {
  public static final String REJECT = "REJECT";

  public boolean rejects() {
    return REJECT.equals(severity);
  }
}
