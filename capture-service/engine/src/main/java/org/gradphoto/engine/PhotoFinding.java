package org.gradphoto.engine;

/**
 * One thing the engine found about a photo.
 *
 * @param code stable machine-readable reason
 * @param severity REJECT (retake needed) or WARN (accepted, but worth a look)
 * @param message what the student should do, in Chinese
 * @param measured the measured value, in {@code unit}; null when there is no single number
 * @param threshold the rule the value broke, e.g. {@code "50–110"} or {@code "≤ 5"}
 * @param unit unit of {@code measured} and {@code threshold} (px, deg, ratio, …)
 */
public record PhotoFinding(
    FindingCode code,
    Severity severity,
    String message,
    Double measured,
    String threshold,
    String unit) {}
