package org.gradphoto.delivery.adapter.out.wechat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.delivery.application.port.out.SubscriptionMessenger;
import org.gradphoto.delivery.config.WechatConfig;

/** Picks the WeChat adapter by {@code gradphoto.wechat.mode}. */
class SubscriptionMessengers {
  @Produces
  @ApplicationScoped
  SubscriptionMessenger messenger(WechatConfig config, Blocking blocking) {
    return switch (config.mode()) {
      case "live" -> new WxJavaSubscriptionMessenger(config, blocking);
      case "sandbox" -> new SandboxSubscriptionMessenger();
      default ->
          throw new IllegalStateException(
              "gradphoto.wechat.mode must be sandbox or live, not " + config.mode());
    };
  }
}
