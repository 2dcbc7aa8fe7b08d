package org.gradphoto.identity.config;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.gradphoto.identity.adapter.out.wechat.SandboxWeChatGateway;
import org.gradphoto.identity.adapter.out.wechat.WxJavaWeChatGateway;
import org.gradphoto.identity.application.port.out.WeChatGateway;
import org.gradphoto.kernel.crypto.KeyedHash;
import org.gradphoto.kernel.crypto.Sealer;

/** Beans built from configuration: the personal-data crypto and the chosen WeChat adapter. */
public class Producers {

  @Produces
  @ApplicationScoped
  Sealer sealer(PersonalDataKeys keys) {
    return Sealer.ring(keys.encKey(), keys.encKeyPrevious().orElse(List.of()));
  }

  @Produces
  @ApplicationScoped
  KeyedHash keyedHash(PersonalDataKeys keys) {
    return KeyedHash.fromBase64(keys.hashKey());
  }

  @Produces
  @ApplicationScoped
  WeChatGateway weChat(WeChatSettings settings) {
    if ("sandbox".equals(settings.mode())) {
      Log.warn("WeChat sandbox mode: openids are derived from the login code (local runs only)");
      return new SandboxWeChatGateway();
    }
    if (!"wechat".equals(settings.mode())) {
      throw new IllegalStateException("gradphoto.wechat.mode must be wechat or sandbox");
    }
    return new WxJavaWeChatGateway(
        settings
            .appId()
            .orElseThrow(() -> new IllegalStateException("gradphoto.wechat.app-id is not set")),
        settings
            .secret()
            .orElseThrow(() -> new IllegalStateException("gradphoto.wechat.secret is not set")));
  }
}
