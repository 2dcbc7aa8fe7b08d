package org.gradphoto.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * WeChat Pay API v3 merchant settings. In {@code sandbox} mode none are needed: the sandbox makes
 * its own merchant and platform keys. In {@code wechat} mode they come from the environment ({@code
 * GRADPHOTO_WECHATPAY_*}), never from committed files.
 */
@ConfigMapping(prefix = "gradphoto.wechatpay")
public interface WechatPaySettings {

  /** {@code wechat} (the real API) or {@code sandbox} (local runs and tests). */
  @WithDefault("wechat")
  String mode();

  default boolean sandbox() {
    return "sandbox".equalsIgnoreCase(mode());
  }

  /** The mini-program's app id. */
  Optional<String> appId();

  /** 商户号. */
  Optional<String> merchantId();

  /** Serial number of the merchant API certificate. */
  Optional<String> merchantSerialNumber();

  /** The merchant API private key, PEM text. */
  Optional<String> privateKey();

  /** Or a path to the PEM file. */
  Optional<String> privateKeyPath();

  /** APIv3 key (32 characters), decrypts notifications. */
  Optional<String> apiV3Key();

  /**
   * WeChat Pay platform public key (PEM text) and its id (PUB_KEY_ID_…). Without them the platform
   * certificates are downloaded and refreshed automatically.
   */
  Optional<String> platformPublicKey();

  Optional<String> platformPublicKeyId();

  /** Public HTTPS address of POST /wechatpay/notify (required in wechat mode). */
  Optional<String> notifyUrl();

  /** Public HTTPS address of POST /wechatpay/refund-notify (required in wechat mode). */
  Optional<String> refundNotifyUrl();

  /** Notifications older (or newer) than this are refused as replays, in seconds. */
  @WithDefault("300")
  long notificationMaxSkewSeconds();
}
