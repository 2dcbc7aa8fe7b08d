package org.gradphoto.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import org.gradphoto.kernel.outbound.GuardedCalls;

/**
 * WeChat Pay API v3 merchant settings, from the environment ({@code GRADPHOTO_WECHATPAY_*}), never
 * from committed files. The same code path runs everywhere: local runs and tests only point {@link
 * #apiHost()} at the local WeChat (module local-wechat).
 */
@ConfigMapping(prefix = "gradphoto.wechatpay")
public interface WechatPaySettings {

  /**
   * Where WeChat Pay's API is, e.g. {@code http://127.0.0.1:8190}. Unset: WeChat Pay itself (the
   * SDK's own host).
   */
  Optional<String> apiHost();

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

  /** Public HTTPS address of POST /wechatpay/notify. */
  Optional<String> notifyUrl();

  /** Public HTTPS address of POST /wechatpay/refund-notify. */
  Optional<String> refundNotifyUrl();

  /** Notifications older (or newer) than this are refused as replays, in seconds. */
  @WithDefault("300")
  long notificationMaxSkewSeconds();

  /** How long to wait for WeChat Pay to accept a connection, in milliseconds. */
  @WithDefault("2000")
  int connectTimeoutMs();

  /** How long to wait for its answer, in milliseconds. */
  @WithDefault("5000")
  int readTimeoutMs();

  /**
   * Every call's deadline, retries and circuit breaker ({@code gradphoto.wechatpay.calls.timeout},
   * {@code .retries}, {@code .breaker-volume}, …).
   */
  GuardedCalls.Policy calls();
}
