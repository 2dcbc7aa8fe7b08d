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

  /**
   * Failed attempts from one client address per hour, whatever the account: a campus NAT shares one
   * address, so this is well above the per-account limit.
   */
  @WithDefault("100")
  int maxFailuresPerClient();

  @WithDefault("PT1H")
  Duration failureWindow();

  /**
   * No-match answers are given no sooner than this after the request came in, so that an unknown ID
   * number, a wrong name and an entry refused for another reason take the same time.
   */
  @WithDefault("PT0.4S")
  Duration noMatchAnswerTime();

  @WithDefault("PT10M")
  Duration matchLifetime();
}
