package org.gradphoto.payment.adapter.out.wechatpay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wechat.pay.java.core.cipher.AeadAesCipher;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.gradphoto.kernel.outbound.GuardedCalls;
import org.gradphoto.payment.application.port.in.PaymentNotificationUseCase.RawNotification;
import org.gradphoto.payment.application.port.out.WechatPayGateway.NotificationRefused;
import org.gradphoto.payment.application.port.out.WechatPayGateway.Trade;
import org.gradphoto.payment.config.WechatPaySettings;
import org.junit.jupiter.api.Test;

/** The real-merchant configuration path, without a network: WeChat Pay public key mode. */
class WechatModeGatewayTest {
  private static final String API_V3_KEY = "0123456789abcdef0123456789abcdef";
  private static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0100000000000000000000000000";
  private final KeyPair merchant = rsa();
  private final KeyPair platform = rsa();

  @Test
  void the_gateway_is_built_from_merchant_settings_and_verifies_a_genuine_notification()
      throws Exception {
    SdkWechatPayGateway gateway = new SdkWechatPayGateway(settings(true));
    assertEquals("1230000109", gateway.merchant().merchantId());
    assertEquals("wxd678efh567hg6787", gateway.merchant().appId());

    String plain =
        "{\"mchid\":\"1230000109\",\"appid\":\"wxd678efh567hg6787\",\"out_trade_no\":\"abc\","
            + "\"transaction_id\":\"4200000001\",\"trade_state\":\"SUCCESS\","
            + "\"success_time\":\"2026-06-01T16:00:00+08:00\",\"amount\":{\"total\":2500}}";
    String ciphertext =
        new AeadAesCipher(API_V3_KEY.getBytes(StandardCharsets.UTF_8))
            .encrypt(
                "transaction".getBytes(StandardCharsets.UTF_8),
                "nonce0123456".getBytes(StandardCharsets.UTF_8),
                plain.getBytes(StandardCharsets.UTF_8));
    String body =
        "{\"id\":\"n1\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource_type\":\"encrypt-resource\","
            + "\"resource\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"original_type\":\"transaction\","
            + "\"associated_data\":\"transaction\",\"nonce\":\"nonce0123456\",\"ciphertext\":\""
            + ciphertext
            + "\"}}";
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(platform.getPrivate());
    s.update((timestamp + "\nn0nce\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers =
        Map.of(
            "wechatpay-timestamp",
            timestamp,
            "wechatpay-nonce",
            "n0nce",
            "wechatpay-serial",
            PUBLIC_KEY_ID,
            "wechatpay-signature",
            Base64.getEncoder().encodeToString(s.sign()));

    Trade trade = gateway.parsePaymentNotification(new RawNotification(headers, body));
    assertEquals("SUCCESS", trade.state());
    assertEquals(2500, trade.totalFen());
    assertEquals(Instant.parse("2026-06-01T08:00:00Z"), trade.successTime());

    assertThrows(
        NotificationRefused.class,
        () ->
            gateway.parsePaymentNotification(
                new RawNotification(headers, body.replace("n1", "n2"))));
  }

  @Test
  void a_missing_merchant_setting_stops_the_gateway_and_is_named() {
    SdkWechatPayGateway gateway = new SdkWechatPayGateway(settings(false));
    IllegalStateException e = assertThrows(IllegalStateException.class, gateway::merchant);
    assertTrue(e.getMessage().contains("notify-url"), e.getMessage());
  }

  private WechatPaySettings settings(boolean complete) {
    String privatePem = pem("PRIVATE KEY", merchant.getPrivate().getEncoded());
    String publicPem = pem("PUBLIC KEY", platform.getPublic().getEncoded());
    return new WechatPaySettings() {
      @Override
      public Optional<String> apiHost() {
        return Optional.empty();
      }

      @Override
      public int connectTimeoutMs() {
        return 2000;
      }

      @Override
      public int readTimeoutMs() {
        return 5000;
      }

      @Override
      public GuardedCalls.Policy calls() {
        return new GuardedCalls.Policy() {
          @Override
          public Duration timeout() {
            return Duration.ofSeconds(4);
          }

          @Override
          public int retries() {
            return 1;
          }

          @Override
          public Duration retryDelay() {
            return Duration.ofMillis(300);
          }

          @Override
          public int breakerVolume() {
            return 10;
          }

          @Override
          public double breakerFailureRatio() {
            return 0.5;
          }

          @Override
          public Duration breakerDelay() {
            return Duration.ofSeconds(30);
          }
        };
      }

      @Override
      public Optional<String> appId() {
        return Optional.of("wxd678efh567hg6787");
      }

      @Override
      public Optional<String> merchantId() {
        return Optional.of("1230000109");
      }

      @Override
      public Optional<String> merchantSerialNumber() {
        return Optional.of("5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
      }

      @Override
      public Optional<String> privateKey() {
        return Optional.of(privatePem);
      }

      @Override
      public Optional<String> privateKeyPath() {
        return Optional.empty();
      }

      @Override
      public Optional<String> apiV3Key() {
        return Optional.of(API_V3_KEY);
      }

      @Override
      public Optional<String> platformPublicKey() {
        return Optional.of(publicPem);
      }

      @Override
      public Optional<String> platformPublicKeyId() {
        return Optional.of(PUBLIC_KEY_ID);
      }

      @Override
      public Optional<String> notifyUrl() {
        return complete
            ? Optional.of("https://pay.example.com/wechatpay/notify")
            : Optional.empty();
      }

      @Override
      public Optional<String> refundNotifyUrl() {
        return Optional.of("https://pay.example.com/wechatpay/refund-notify");
      }

      @Override
      public long notificationMaxSkewSeconds() {
        return 300;
      }
    };
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

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
