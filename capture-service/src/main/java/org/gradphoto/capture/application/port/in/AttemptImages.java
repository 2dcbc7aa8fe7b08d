package org.gradphoto.capture.application.port.in;

import java.time.Instant;

/** Short-lived GET URLs of an attempt's three images, for review staff. */
public record AttemptImages(
    String standardized, String original, String cutout, Instant expiresAt) {}
