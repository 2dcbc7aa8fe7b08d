package org.gradphoto.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The student access tokens this service signs. */
@ConfigMapping(prefix = "gradphoto.student-token")
public interface StudentTokenSettings {
  /** Must equal what StudentTenantResolver and the student OIDC tenant expect. */
  @WithDefault("gradphoto-identity")
  String issuer();

  /** At most two hours: a student signs in again with a fresh wx.login code. */
  @WithDefault("PT2H")
  Duration lifetime();

  /**
   * How often each replica looks at the signing keys again (a key another replica made is used here
   * within this time, without a restart). A new key is published in the JWKS for twice this long
   * before anyone signs with it, so every verifier can know it first.
   */
  @WithDefault("PT1M")
  Duration keyRefresh();

  /** A signing key older than this is replaced by a new one (the old keeps verifying). */
  @WithDefault("P30D")
  Duration keyRotation();
}
