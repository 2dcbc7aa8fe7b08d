package org.gradphoto.identity.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The mini-program's WeChat settings (GRADPHOTO_WECHAT_*). One code path everywhere: local runs and
 * tests only point {@link #apiHost()} at the local WeChat (module local-wechat).
 */
@ConfigMapping(prefix = "gradphoto.wechat")
public interface WeChatSettings {
  Optional<String> appId();

  Optional<String> appSecret();

  /** Where api.weixin.qq.com is, e.g. {@code http://127.0.0.1:8190}; unset: WeChat itself. */
  Optional<String> apiHost();
}
