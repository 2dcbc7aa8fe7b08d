package org.gradphoto.delivery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * WeChat subscription messages (订阅消息) for review results, always sent through WxJava: there is no
 * sandbox. Tests and the local platform point {@link #apiHost()} at the local WeChat.
 */
@ConfigMapping(prefix = "gradphoto.wechat")
public interface WechatConfig {
  String appId();

  String appSecret();

  /** The review-result template chosen in the mini-program's admin console. */
  String reviewTemplateId();

  /**
   * WeChat's API host ({@code https://api.weixin.qq.com} when absent); the local WeChat's address
   * in tests and on the local platform. Only the host changes: paths and answers are WeChat's.
   */
  Optional<String> apiHost();

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
