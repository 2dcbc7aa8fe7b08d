package org.gradphoto.payment.adapter.out.wechatpay;

import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.RSAAutoCertificateConfig;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationConfig;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.core.util.PemUtil;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.model.Amount;
import com.wechat.pay.java.service.payments.jsapi.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import com.wechat.pay.java.service.payments.jsapi.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.gradphoto.kernel.outbound.GuardedCalls;
import org.gradphoto.payment.application.port.in.PaymentNotificationUseCase.RawNotification;
import org.gradphoto.payment.application.port.in.StudentPaymentUseCase.PaymentRequest;
import org.gradphoto.payment.application.port.out.WechatPayGateway;
import org.gradphoto.payment.config.WechatPaySettings;
import org.gradphoto.payment.domain.Order;

/**
 * WeChat Pay through the official SDK, with the merchant's keys. The only thing that changes
 * between production and local runs or tests is the host ({@code gradphoto.wechatpay.api-host}, the
 * local WeChat there), plugged into the SDK's own OkHttp client: signing, answer verification and
 * notification decryption are the SDK's code everywhere.
 */
@ApplicationScoped
class SdkWechatPayGateway implements WechatPayGateway {
  private static final String SIGN_TYPE = "WECHATPAY2-SHA256-RSA2048";
  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  private final WechatPaySettings settings;
  private volatile Clients clients;

  SdkWechatPayGateway(WechatPaySettings settings) {
    this.settings = settings;
  }

  private record Clients(
      GuardedCalls calls,
      JsapiServiceExtension jsapi,
      RefundService refunds,
      NotificationParser parser,
      Merchant merchant,
      String notifyUrl,
      String refundNotifyUrl) {}

  /** Misconfigured merchant settings stop the service at start, not at the first payment. */
  void onStart(@Observes StartupEvent start) {
    clients();
  }

  private Clients clients() {
    Clients c = clients;
    if (c == null) {
      synchronized (this) {
        if (clients == null) {
          clients = build();
        }
        c = clients;
      }
    }
    return c;
  }

  private DefaultHttpClientBuilder http() {
    // The whole exchange ends at the attempt's deadline, so a slow answer frees its worker thread.
    OkHttpClient.Builder ok = new OkHttpClient.Builder().callTimeout(settings.calls().timeout());
    settings.apiHost().filter(h -> !h.isBlank()).ifPresent(h -> ok.addInterceptor(ApiHost.to(h)));
    return new DefaultHttpClientBuilder()
        .okHttpClient(ok.build())
        .connectTimeoutMs(settings.connectTimeoutMs())
        .readTimeoutMs(settings.readTimeoutMs())
        .writeTimeoutMs(settings.readTimeoutMs());
  }

  private Clients build() {
    String merchantId = required(settings.merchantId(), "merchant-id");
    String appId = required(settings.appId(), "app-id");
    String serial = required(settings.merchantSerialNumber(), "merchant-serial-number");
    String apiV3Key = required(settings.apiV3Key(), "api-v3-key");
    String notifyUrl = required(settings.notifyUrl(), "notify-url");
    String refundNotifyUrl = required(settings.refundNotifyUrl(), "refund-notify-url");
    PrivateKey key =
        settings
            .privateKey()
            .map(PemUtil::loadPrivateKeyFromString)
            .orElseGet(
                () ->
                    PemUtil.loadPrivateKeyFromPath(
                        required(settings.privateKeyPath(), "private-key or private-key-path")));
    Config config;
    NotificationConfig notifications;
    if (settings.platformPublicKey().isPresent()) {
      RSAPublicKeyConfig c =
          new RSAPublicKeyConfig.Builder()
              .merchantId(merchantId)
              .privateKey(key)
              .merchantSerialNumber(serial)
              .publicKey(settings.platformPublicKey().get())
              .publicKeyId(required(settings.platformPublicKeyId(), "platform-public-key-id"))
              .apiV3Key(apiV3Key)
              .build();
      config = c;
      notifications = c;
    } else {
      // Downloads the platform certificates now (through the same host) and keeps them fresh.
      RSAAutoCertificateConfig c =
          new RSAAutoCertificateConfig.Builder()
              .merchantId(merchantId)
              .privateKey(key)
              .merchantSerialNumber(serial)
              .apiV3Key(apiV3Key)
              .httpClientBuilder(http())
              .build();
      config = c;
      notifications = c;
    }
    HttpClient http = http().config(config).build();
    return new Clients(
        // Retried and counted by the breaker: no answer (timeout, lost connection, 5xx). A 4xx is
        // WeChat Pay's refusal and fails at once.
        new GuardedCalls(
            "WeChat Pay",
            settings.calls(),
            e -> e instanceof GatewayUnavailable g && g.outcomeUnknown()),
        new JsapiServiceExtension.Builder().config(config).httpClient(http).build(),
        new RefundService.Builder().httpClient(http).build(),
        new NotificationParser(notifications),
        new Merchant(merchantId, appId),
        notifyUrl,
        refundNotifyUrl);
  }

  private static String required(Optional<String> value, String name) {
    return value
        .filter(v -> !v.isBlank())
        .orElseThrow(
            () -> new IllegalStateException("gradphoto.wechatpay." + name + " is required"));
  }

  @Override
  public Merchant merchant() {
    return clients().merchant();
  }

  @Override
  public Uni<PaymentRequest> prepay(
      Order order, String openid, String description, Instant expiresAt) {
    Clients c = clients();
    PrepayRequest request = new PrepayRequest();
    request.setAppid(c.merchant().appId());
    request.setMchid(c.merchant().merchantId());
    request.setDescription(
        description.length() > 127 ? description.substring(0, 127) : description);
    request.setOutTradeNo(order.outTradeNo());
    request.setTimeExpire(rfc3339(expiresAt));
    request.setNotifyUrl(c.notifyUrl());
    Amount amount = new Amount();
    amount.setTotal(Math.toIntExact(order.amountFen()));
    amount.setCurrency("CNY");
    request.setAmount(amount);
    Payer payer = new Payer();
    payer.setOpenid(openid);
    request.setPayer(payer);
    return wechat(
        () -> {
          PrepayWithRequestPaymentResponse r =
              guarded(() -> c.jsapi().prepayWithRequestPayment(request));
          return new PaymentRequest(
              order.id(),
              order.amountFen(),
              r.getAppId(),
              r.getTimeStamp(),
              r.getNonceStr(),
              r.getPackageVal(),
              r.getSignType(),
              r.getPaySign());
        });
  }

  @Override
  public Uni<Trade> query(String outTradeNo) {
    Clients c = clients();
    QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
    request.setOutTradeNo(outTradeNo);
    request.setMchid(c.merchant().merchantId());
    return wechat(
        () -> {
          try {
            return trade(c.jsapi().queryOrderByOutTradeNo(request));
          } catch (ServiceException e) {
            if ("ORDER_NOT_EXIST".equals(e.getErrorCode()) || e.getHttpStatusCode() == 404) {
              return new Trade(null, null, outTradeNo, null, "NOT_FOUND", 0, null, null, null);
            }
            throw unavailable(e);
          } catch (WechatPayException e) {
            throw unavailable(e);
          }
        });
  }

  @Override
  public Uni<Void> close(String outTradeNo) {
    Clients c = clients();
    CloseOrderRequest request = new CloseOrderRequest();
    request.setOutTradeNo(outTradeNo);
    request.setMchid(c.merchant().merchantId());
    return wechat(
        () -> {
          guarded(
              () -> {
                c.jsapi().closeOrder(request);
                return null;
              });
          return null;
        });
  }

  @Override
  public Uni<Refund> refund(Order order, String reason) {
    Clients c = clients();
    CreateRequest request = new CreateRequest();
    request.setOutTradeNo(order.outTradeNo());
    request.setOutRefundNo(order.refundNo());
    request.setReason(reason);
    request.setNotifyUrl(c.refundNotifyUrl());
    AmountReq amount = new AmountReq();
    amount.setRefund(order.amountFen());
    amount.setTotal(order.amountFen());
    amount.setCurrency("CNY");
    request.setAmount(amount);
    return wechat(() -> refund(guarded(() -> c.refunds().create(request))));
  }

  @Override
  public Uni<Refund> queryRefund(String refundNo) {
    Clients c = clients();
    QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
    request.setOutRefundNo(refundNo);
    return wechat(
        () -> {
          try {
            return refund(c.refunds().queryByOutRefundNo(request));
          } catch (ServiceException e) {
            // WeChat Pay's word that it never received this refund (the call was lost on the way).
            if ("RESOURCE_NOT_EXISTS".equals(e.getErrorCode()) || e.getHttpStatusCode() == 404) {
              return Refund.notFound(refundNo);
            }
            throw unavailable(e);
          } catch (WechatPayException e) {
            throw unavailable(e);
          }
        });
  }

  @Override
  public Trade parsePaymentNotification(RawNotification notification) {
    return trade(parse(notification, Transaction.class));
  }

  @Override
  public Refund parseRefundNotification(RawNotification notification) {
    RefundNotification n = parse(notification, RefundNotification.class);
    // The SDK's model has no mchid: it is read from the same verified, decrypted resource.
    Map<?, ?> raw = parse(notification, Map.class);
    return new Refund(
        n.getOutTradeNo(),
        n.getOutRefundNo(),
        n.getRefundStatus() == null ? null : n.getRefundStatus().name(),
        n.getAmount() == null || n.getAmount().getRefund() == null ? 0 : n.getAmount().getRefund(),
        instant(n.getSuccessTime()),
        raw.get("mchid") == null ? null : raw.get("mchid").toString());
  }

  /**
   * The SDK verifies the platform signature and decrypts; the timestamp window is checked here,
   * since the SDK leaves replay protection to the caller.
   */
  private <T> T parse(RawNotification notification, Class<T> type) {
    String timestamp = notification.headers().get("wechatpay-timestamp");
    try {
      long skew = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
      if (skew > settings.notificationMaxSkewSeconds()) {
        throw new NotificationRefused("timestamp outside the accepted window (replay?)");
      }
    } catch (NumberFormatException e) {
      throw new NotificationRefused("no valid Wechatpay-Timestamp header");
    }
    RequestParam param =
        new RequestParam.Builder()
            .serialNumber(notification.headers().get("wechatpay-serial"))
            .nonce(notification.headers().get("wechatpay-nonce"))
            .signature(notification.headers().get("wechatpay-signature"))
            .signType(
                Optional.ofNullable(notification.headers().get("wechatpay-signature-type"))
                    .orElse(SIGN_TYPE))
            .timestamp(timestamp)
            .body(notification.body())
            .build();
    try {
      return clients().parser().parse(param, type);
    } catch (RuntimeException e) {
      // The SDK's messages quote the body; only the kind of failure is passed on.
      throw new NotificationRefused(
          "signature or resource invalid (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Trade trade(Transaction t) {
    return new Trade(
        t.getMchid(),
        t.getAppid(),
        t.getOutTradeNo(),
        t.getTransactionId(),
        t.getTradeState() == null ? "UNKNOWN" : t.getTradeState().name(),
        t.getAmount() == null || t.getAmount().getTotal() == null ? 0 : t.getAmount().getTotal(),
        instant(t.getSuccessTime()),
        t.getAmount() == null ? null : t.getAmount().getCurrency(),
        t.getAmount() == null || t.getAmount().getPayerTotal() == null
            ? null
            : t.getAmount().getPayerTotal().longValue());
  }

  private static Refund refund(com.wechat.pay.java.service.refund.model.Refund r) {
    return new Refund(
        r.getOutTradeNo(),
        r.getOutRefundNo(),
        r.getStatus() == null ? null : r.getStatus().name(),
        r.getAmount() == null || r.getAmount().getRefund() == null ? 0 : r.getAmount().getRefund(),
        instant(r.getSuccessTime()),
        null);
  }

  /**
   * A call to WeChat Pay with its deadline, retries and breaker; the guard's own failures become
   * {@link GatewayUnavailable}: a passed deadline may have worked, an open breaker sent nothing.
   */
  private <T> Uni<T> wechat(Supplier<T> call) {
    return clients()
        .calls()
        .call(call)
        .onFailure(GuardedCalls.DeadlinePassed.class)
        .transform(e -> new GatewayUnavailable("TIMEOUT", e.getMessage(), true))
        .onFailure(GuardedCalls.NotCalled.class)
        .transform(e -> GatewayUnavailable.notCalled(e.getMessage()));
  }

  private static <T> T guarded(Supplier<T> call) {
    try {
      return call.get();
    } catch (WechatPayException e) {
      throw unavailable(e);
    }
  }

  /** A 4xx is WeChat Pay's refusal; anything else (5xx, timeout, no connection) may have worked. */
  private static GatewayUnavailable unavailable(WechatPayException e) {
    if (e instanceof ServiceException s) {
      return new GatewayUnavailable(
          s.getErrorCode() == null ? "HTTP_" + s.getHttpStatusCode() : s.getErrorCode(),
          "WeChat Pay answered HTTP " + s.getHttpStatusCode() + " " + s.getErrorCode(),
          s.getHttpStatusCode() >= 500);
    }
    return new GatewayUnavailable(
        e.getClass().getSimpleName(),
        "WeChat Pay call failed: " + e.getClass().getSimpleName(),
        true);
  }

  private static Instant instant(String rfc3339) {
    return rfc3339 == null || rfc3339.isBlank() ? null : OffsetDateTime.parse(rfc3339).toInstant();
  }

  private static String rfc3339(Instant t) {
    return OffsetDateTime.ofInstant(t, BEIJING)
        .withNano(0)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
