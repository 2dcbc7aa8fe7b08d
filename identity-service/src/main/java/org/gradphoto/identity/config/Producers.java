package org.gradphoto.identity.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.gradphoto.identity.adapter.out.wechat.WxJavaWeChatGateway;
import org.gradphoto.identity.application.port.out.WeChatGateway;
import org.gradphoto.kernel.crypto.KeyedHash;
import org.gradphoto.kernel.crypto.Sealer;

/** Beans built from configuration: the personal-data crypto and the WeChat adapter. */
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
    return new WxJavaWeChatGateway(
        settings
            .appId()
            .orElseThrow(() -> new IllegalStateException("gradphoto.wechat.app-id is not set")),
        settings
            .appSecret()
            .orElseThrow(() -> new IllegalStateException("gradphoto.wechat.app-secret is not set")),
        settings.apiHost().filter(h -> !h.isBlank()));
  }
}
