package org.gradphoto.load;

import java.time.Duration;
import java.time.Instant;

/**
 * The demo reviewer's access token, signed in again before it expires: the realm's tokens live
 * 15 minutes and a run with its drain lasts longer than that.
 */
final class ReviewerToken {

  private static final Duration RENEW_AFTER = Duration.ofMinutes(5);

  private final LoadSettings settings;
  private String token;
  private Instant signedInAt = Instant.EPOCH;

  ReviewerToken(LoadSettings settings) {
    this.settings = settings;
  }

  synchronized String current() {
    Instant now = Instant.now();
    if (token == null || now.isAfter(signedInAt.plus(RENEW_AFTER))) {
      token = StaffSignIn.accessToken(settings, "reviewer", "reviewer");
      signedInAt = now;
    }
    return token;
  }
}
