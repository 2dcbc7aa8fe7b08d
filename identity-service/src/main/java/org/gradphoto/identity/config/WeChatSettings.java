package org.gradphoto.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Which WeChat adapter runs: {@code wechat} (WxJava, real API) or {@code sandbox} (local). */
@ConfigMapping(prefix = "gradphoto.wechat")
public interface WeChatSettings {
  @WithDefault("wechat")
  String mode();

  Optional<String> appId();

  Optional<String> secret();
}
