package org.gradphoto.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Brute-force limits of 获取采集资格 and how long a mode C match waits for confirmation. */
@ConfigMapping(prefix = "gradphoto.eligibility")
public interface EligibilityLimits {
  /** Failed attempts one WeChat account may make per hour. */
  @WithDefault("10")
  int maxFailuresPerAccount();

  /** Failed attempts against one ID number or CHSI code per hour, from any account. */
  @WithDefault("5")
  int maxFailuresPerSubject();

  @WithDefault("PT1H")
  Duration failureWindow();

  @WithDefault("PT10M")
  Duration matchLifetime();
}
