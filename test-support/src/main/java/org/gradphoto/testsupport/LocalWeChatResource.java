package org.gradphoto.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.gradphoto.localwechat.LocalWeChat;

/**
 * The tests' WeChat: the local WeChat (module local-wechat) in this JVM on a random port, with a
 * mini-program and a merchant made for this run. The service gets the app secret, the merchant's
 * secrets and WeChat Pay's public key exactly as a real deployment gets them (configuration); only
 * the API host differs. The service listens on a port chosen here, so the notify URLs it hands to
 * WeChat Pay are real addresses. {@link LocalWeChatControl} acts in WeChat through its control API.
 */
public class LocalWeChatResource implements QuarkusTestResourceLifecycleManager {
  public static final String APP_ID = "wx0local0gradphoto";
  public static final String MERCHANT_ID = "1900009191";
  private LocalWeChat wechat;
  private boolean pay = true;

  /**
   * Init arg {@code pay=false}: the service uses only the mini-program APIs (no port is chosen).
   */
  @Override
  public void init(Map<String, String> initArgs) {
    pay = !"false".equals(initArgs.get("pay"));
  }

  @Override
  public Map<String, String> start() {
    KeyPair merchant = rsa();
    String serial = HexFormat.of().formatHex(random(20)).toUpperCase();
    String apiV3Key = HexFormat.of().formatHex(random(16));
    String appSecret = HexFormat.of().formatHex(random(16));
    wechat =
        LocalWeChat.start(
            new LocalWeChat.Merchant(
                APP_ID, appSecret, MERCHANT_ID, serial, merchant.getPublic(), apiV3Key),
            0);
    Map<String, String> config = new HashMap<>();
    config.put("local-wechat.url", wechat.baseUrl());
    // The mini-program (identity: login and phone; delivery: subscribe messages).
    config.put("gradphoto.wechat.api-host", wechat.baseUrl());
    config.put("gradphoto.wechat.app-id", APP_ID);
    config.put("gradphoto.wechat.app-secret", appSecret);
    if (pay) {
      int port = freePort();
      String self = "http://127.0.0.1:" + port;
      config.put("quarkus.http.test-port", Integer.toString(port));
      config.put("gradphoto.wechatpay.api-host", wechat.baseUrl());
      config.put("gradphoto.wechatpay.app-id", APP_ID);
      config.put("gradphoto.wechatpay.merchant-id", MERCHANT_ID);
      config.put("gradphoto.wechatpay.merchant-serial-number", serial);
      config.put(
          "gradphoto.wechatpay.private-key",
          pem("PRIVATE KEY", merchant.getPrivate().getEncoded()));
      config.put("gradphoto.wechatpay.api-v3-key", apiV3Key);
      config.put(
          "gradphoto.wechatpay.platform-public-key",
          pem("PUBLIC KEY", wechat.pay().platformPublicKey().getEncoded()));
      config.put("gradphoto.wechatpay.platform-public-key-id", wechat.pay().publicKeyId());
      config.put("gradphoto.wechatpay.notify-url", self + "/wechatpay/notify");
      config.put("gradphoto.wechatpay.refund-notify-url", self + "/wechatpay/refund-notify");
      // Short enough that the timeout tests wait seconds, not minutes.
      config.put("gradphoto.wechatpay.read-timeout-ms", "3000");
    }
    return config;
  }

  @Override
  public void stop() {
    if (wechat != null) {
      wechat.close();
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
