package org.gradphoto.localwechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.model.Amount;
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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.error.WxErrorException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local WeChat as the services see it: only through WxJava and wechatpay-java with the host
 * changed, so the SDKs' own signing, answer verification and notification decryption judge it.
 */
class LocalWeChatTest {
  private static final String APP_ID = "wx00test0000local";
  private static final String SECRET = "app-secret-for-the-test";
  private static final String MCH_ID = "1900000109";
  private static final String SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
  private static final String API_V3_KEY = "0123456789abcdef0123456789abcdef";

  private static final KeyPair MERCHANT = Crypto.rsa2048();
  private static LocalWeChat wechat;
  private static HttpServer merchantSite;
  private static final LinkedBlockingQueue<Map<String, Object>> received =
      new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws IOException {
    wechat =
        LocalWeChat.start(
            new LocalWeChat.Merchant(
                APP_ID, SECRET, MCH_ID, SERIAL, MERCHANT.getPublic(), API_V3_KEY),
            0);
    merchantSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    merchantSite.createContext(
        "/notify",
        exchange -> {
          Map<String, String> headers = new java.util.HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(Map.of("headers", headers, "body", body));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    merchantSite.start();
  }

  @AfterAll
  static void stop() {
    wechat.close();
    merchantSite.stop(0);
  }

  private static WxMaService miniProgram() {
    WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
    config.setAppid(APP_ID);
    config.setSecret(SECRET);
    config.setApiHostUrl(wechat.baseUrl());
    WxMaServiceImpl service = new WxMaServiceImpl();
    service.setWxMaConfig(config);
    return service;
  }

  @Test
  void a_login_code_it_issued_gives_the_openid_once() throws Exception {
    WxMaService service = miniProgram();
    String code = wechat.miniProgram().issueLoginCode("o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
    assertEquals(
        "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", service.getUserService().getSessionInfo(code).getOpenid());
    WxErrorException used =
        assertThrows(WxErrorException.class, () -> service.getUserService().getSessionInfo(code));
    assertEquals(40163, used.getError().getErrorCode());
    WxErrorException invented =
        assertThrows(
            WxErrorException.class, () -> service.getUserService().getSessionInfo("made-up"));
    assertEquals(40029, invented.getError().getErrorCode());
  }

  @Test
  void a_phone_code_gives_the_phone_and_subscribe_messages_land_in_the_inbox() throws Exception {
    WxMaService service = miniProgram();
    String code = wechat.miniProgram().issuePhoneCode("13800138000");
    assertEquals("13800138000", service.getUserService().getPhoneNumber(code).getPurePhoneNumber());
    assertThrows(WxErrorException.class, () -> service.getUserService().getPhoneNumber(code));

    service
        .getMsgService()
        .sendSubscribeMsg(
            new WxMaSubscribeMessage()
                .setToUser("o-inbox-user")
                .setTemplateId("tpl-1")
                .setPage("pages/collection/index?id=42")
                .setData(List.of(new WxMaSubscribeMessage.MsgData("phrase1", "审核通过"))));
    List<MiniProgram.Message> inbox = wechat.miniProgram().inbox("o-inbox-user");
    assertEquals(1, inbox.size());
    assertEquals("pages/collection/index?id=42", inbox.get(0).page());
    assertEquals("审核通过", inbox.get(0).data().get("phrase1"));

    // WeChat refuses a value its field type does not allow (phrase: ≤ 5 Chinese characters).
    WxErrorException tooLong =
        assertThrows(
            WxErrorException.class,
            () ->
                service
                    .getMsgService()
                    .sendSubscribeMsg(
                        new WxMaSubscribeMessage()
                            .setToUser("o-inbox-user")
                            .setTemplateId("tpl-1")
                            .setData(
                                List.of(
                                    new WxMaSubscribeMessage.MsgData("phrase1", "初审失败，请重拍"),
                                    new WxMaSubscribeMessage.MsgData(
                                        "time2", "2026-12-07 20:45")))));
    assertEquals(47003, tooLong.getError().getErrorCode());
    assertEquals(1, wechat.miniProgram().inbox("o-inbox-user").size());
  }

  private record Pay(
      JsapiServiceExtension jsapi, RefundService refunds, NotificationParser parser) {}

  private static Pay pay(Duration readTimeout) {
    return pay(readTimeout, MERCHANT.getPrivate());
  }

  private static Pay pay(Duration readTimeout, PrivateKey merchantKey) {
    RSAPublicKeyConfig config =
        new RSAPublicKeyConfig.Builder()
            .merchantId(MCH_ID)
            .privateKey(merchantKey)
            .merchantSerialNumber(SERIAL)
            .publicKey(wechat.pay().platformPublicKey())
            .publicKeyId(wechat.pay().publicKeyId())
            .apiV3Key(API_V3_KEY)
            .build();
    HttpUrl local = HttpUrl.get(wechat.baseUrl());
    OkHttpClient ok =
        new OkHttpClient.Builder()
            .readTimeout(readTimeout)
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .url(
                                chain
                                    .request()
                                    .url()
                                    .newBuilder()
                                    .scheme(local.scheme())
                                    .host(local.host())
                                    .port(local.port())
                                    .build())
                            .build()))
            .build();
    HttpClient http = new DefaultHttpClientBuilder().config(config).okHttpClient(ok).build();
    return new Pay(
        new JsapiServiceExtension.Builder().config(config).httpClient(http).build(),
        new RefundService.Builder().httpClient(http).build(),
        new NotificationParser(config));
  }

  private static PrepayWithRequestPaymentResponse prepay(Pay p, String outTradeNo, String openid) {
    PrepayRequest request = new PrepayRequest();
    request.setAppid(APP_ID);
    request.setMchid(MCH_ID);
    request.setDescription("毕业照采集");
    request.setOutTradeNo(outTradeNo);
    request.setNotifyUrl("http://127.0.0.1:" + merchantSite.getAddress().getPort() + "/notify");
    Amount amount = new Amount();
    amount.setTotal(2500);
    request.setAmount(amount);
    Payer payer = new Payer();
    payer.setOpenid(openid);
    request.setPayer(payer);
    return p.jsapi().prepayWithRequestPayment(request);
  }

  @SuppressWarnings("unchecked")
  private static <T> T parse(Pay p, Map<String, Object> message, Class<T> type) {
    Map<String, String> h = (Map<String, String>) message.get("headers");
    return p.parser()
        .parse(
            new RequestParam.Builder()
                .serialNumber(h.get("wechatpay-serial"))
                .nonce(h.get("wechatpay-nonce"))
                .signature(h.get("wechatpay-signature"))
                .signType(h.get("wechatpay-signature-type"))
                .timestamp(h.get("wechatpay-timestamp"))
                .body((String) message.get("body"))
                .build(),
            type);
  }

  @Test
  void a_jsapi_payment_confirmed_by_the_user_is_notified_queried_and_refunded() throws Exception {
    Pay p = pay(Duration.ofSeconds(5));
    String outTradeNo = "T" + Instant.now().toEpochMilli();
    PrepayWithRequestPaymentResponse r = prepay(p, outTradeNo, "o-payer");
    assertTrue(
        wechat
            .pay()
            .requestPaymentSigned(
                r.getAppId(), r.getTimeStamp(), r.getNonceStr(), r.getPackageVal(), r.getPaySign()),
        "the SDK's paySign verifies with the merchant key");

    wechat.pay().pay(outTradeNo, "o-payer", WeChatPay.PaymentScript.once());
    Map<String, Object> message = received.poll(10, TimeUnit.SECONDS);
    Transaction notified = parse(p, message, Transaction.class);
    assertEquals(outTradeNo, notified.getOutTradeNo());
    assertEquals(Transaction.TradeStateEnum.SUCCESS, notified.getTradeState());
    assertEquals(2500, notified.getAmount().getPayerTotal());
    assertEquals("CNY", notified.getAmount().getCurrency());

    QueryOrderByOutTradeNoRequest query = new QueryOrderByOutTradeNoRequest();
    query.setMchid(MCH_ID);
    query.setOutTradeNo(outTradeNo);
    assertEquals(
        Transaction.TradeStateEnum.SUCCESS,
        p.jsapi().queryOrderByOutTradeNo(query).getTradeState());

    CreateRequest refund = new CreateRequest();
    refund.setOutTradeNo(outTradeNo);
    refund.setOutRefundNo("R" + outTradeNo);
    refund.setNotifyUrl("http://127.0.0.1:" + merchantSite.getAddress().getPort() + "/notify");
    AmountReq amount = new AmountReq();
    amount.setRefund(2500L);
    amount.setTotal(2500L);
    amount.setCurrency("CNY");
    refund.setAmount(amount);
    p.refunds().create(refund);
    Map<String, Object> refundMessage = received.poll(10, TimeUnit.SECONDS);
    RefundNotification refunded = parse(p, refundMessage, RefundNotification.class);
    assertEquals("R" + outTradeNo, refunded.getOutRefundNo());
    assertEquals(2500, refunded.getAmount().getRefund());
    // The SDK's model has no mchid; the merchant is read from the decrypted resource itself.
    assertEquals(MCH_ID, parse(p, refundMessage, JsonObject.class).get("mchid").getAsString());
    QueryByOutRefundNoRequest refundQuery = new QueryByOutRefundNoRequest();
    refundQuery.setOutRefundNo("R" + outTradeNo);
    assertEquals("SUCCESS", p.refunds().queryByOutRefundNo(refundQuery).getStatus().name());
  }

  @Test
  void a_merchant_signing_with_another_key_is_refused() {
    Pay forger = pay(Duration.ofSeconds(10), Crypto.rsa2048().getPrivate());
    ServiceException refused =
        assertThrows(ServiceException.class, () -> prepay(forger, "X" + System.nanoTime(), "o-x"));
    assertEquals(401, refused.getHttpStatusCode());
    assertEquals("SIGN_ERROR", refused.getErrorCode());
  }

  @Test
  void faults_happen_on_demand_and_a_slow_call_still_takes_effect() {
    Pay p = pay(Duration.ofSeconds(10));
    wechat.misbehave("/v3/pay/transactions/jsapi", Faults.Kind.ERROR, Duration.ZERO, 1);
    ServiceException error =
        assertThrows(ServiceException.class, () -> prepay(p, "F" + System.nanoTime(), "o-x"));
    assertEquals(500, error.getHttpStatusCode());

    Pay impatient = pay(Duration.ofSeconds(2));
    String outTradeNo = "S" + System.nanoTime();
    wechat.misbehave("/v3/pay/transactions/jsapi", Faults.Kind.SLOW, Duration.ofSeconds(4), 1);
    assertThrows(RuntimeException.class, () -> prepay(impatient, outTradeNo, "o-x"));
    // It timed out for the caller but happened at WeChat: the same prepay answers the same id.
    assertTrue(prepay(p, outTradeNo, "o-x").getPackageVal().startsWith("prepay_id=wx"));
  }
}
