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
}
