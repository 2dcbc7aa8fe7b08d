package org.gradphoto.delivery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** WeChat subscription messages (订阅消息) for review results. */
@ConfigMapping(prefix = "gradphoto.wechat")
public interface WechatConfig {
  /** {@code sandbox} records messages without sending (local runs, tests); {@code live} sends. */
  @WithDefault("sandbox")
  String mode();

  Optional<String> appId();

  Optional<String> appSecret();

  /** The review-result template chosen in the mini-program's admin console. */
  Optional<String> reviewTemplateId();

  /** {@code formal}, {@code trial} or {@code developer}. */
  @WithDefault("formal")
  String miniprogramState();

  /** Template field keys, as the chosen template names them. */
  @WithDefault("phrase1")
  String resultKey();

  @WithDefault("time2")
  String timeKey();

  @WithDefault("thing3")
  String remarkKey();
}
