package org.gradphoto.payment.adapter.out.wechatpay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for WeChat Pay that speaks its API v3 protocol: it checks the merchant's request
 * signatures, signs every answer and every notification with its own platform key (made here, at
 * random, per process), encrypts notification resources with the APIv3 key, and keeps orders and
 * refunds in memory. The service's real SDK code talks to it unchanged, so signature checks,
 * decryption and parsing all run as they would against WeChat Pay.
 *
 * <p>On the payer's side it can pay an order, fail it, notify several times, late or never, and
 * report a different amount: the cases the notification handling must survive.
 */
@ApplicationScoped
public class WechatPaySandbox {
  public static final String MERCHANT_ID = "1900009191";
  public static final String APP_ID = "wx0sandbox0gradph";
  static final String SIGN_TYPE = "WECHATPAY2-SHA256-RSA2048";
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  private static final Pattern AUTH_FIELD = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final ObjectMapper json = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();
  private final KeyPair merchantKeys = rsa();
  private final KeyPair platformKeys = rsa();
  private final String merchantSerialNumber = HexFormat.of().formatHex(bytes(20)).toUpperCase();
  private final String publicKeyId = "PUB_KEY_ID_SANDBOX" + HexFormat.of().formatHex(bytes(8));
  private final String apiV3Key = HexFormat.of().formatHex(bytes(16));
  private final Map<String, SandboxTrade> trades = new ConcurrentHashMap<>();
  private final Map<String, SandboxRefund> refunds = new ConcurrentHashMap<>();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // ---- what the merchant configures (in real life: from the merchant platform)

  public String merchantSerialNumber() {
    return merchantSerialNumber;
  }

  public PrivateKey merchantPrivateKey() {
    return merchantKeys.getPrivate();
  }

  public PublicKey platformPublicKey() {
    return platformKeys.getPublic();
  }

  public String publicKeyId() {
    return publicKeyId;
  }

  public String apiV3Key() {
    return apiV3Key;
  }

  // ---- the API v3 server side

  /** A response of the sandbox's API: status, headers (signed) and JSON body. */
  record Answer(int status, Map<String, String> headers, String body) {}

  /** Serves one API v3 request: what WeChat Pay's servers would answer. */
  Answer handle(String method, String pathAndQuery, Map<String, String> headers, String body) {
    if (!authorized(method, pathAndQuery, headers, body)) {
      return error(401, "SIGN_ERROR", "签名错误");
    }
    String path = pathAndQuery.replaceFirst("\\?.*$", "");
    try {
      if (method.equals("POST") && path.equals("/v3/pay/transactions/jsapi")) {
        return prepay(json.readTree(body));
      }
      Matcher close =
          Pattern.compile("/v3/pay/transactions/out-trade-no/([^/]+)/close").matcher(path);
      if (method.equals("POST") && close.matches()) {
        return close(close.group(1));
      }
      Matcher query = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/]+)").matcher(path);
      if (method.equals("GET") && query.matches()) {
        SandboxTrade trade = trades.get(query.group(1));
        return trade == null
            ? error(404, "ORDER_NOT_EXIST", "订单不存在")
            : ok(transactionJson(trade, trade.totalFen));
      }
      if (method.equals("POST") && path.equals("/v3/refund/domestic/refunds")) {
        return refund(json.readTree(body));
      }
      Matcher refund = Pattern.compile("/v3/refund/domestic/refunds/([^/]+)").matcher(path);
      if (method.equals("GET") && refund.matches()) {
        SandboxRefund r = refunds.get(refund.group(1));
        return r == null ? error(404, "RESOURCE_NOT_EXISTS", "退款单不存在") : ok(refundJson(r));
      }
      return error(404, "NOT_FOUND", "no such API in the sandbox");
    } catch (java.io.IOException e) {
      return error(400, "PARAM_ERROR", "请求体不是 JSON");
    }
  }

  private boolean authorized(
      String method, String pathAndQuery, Map<String, String> headers, String body) {
    String auth = headers.get("authorization");
    if (auth == null || !auth.startsWith(SIGN_TYPE + " ")) {
      return false;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = AUTH_FIELD.matcher(auth);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    if (!MERCHANT_ID.equals(fields.get("mchid"))
        || !merchantSerialNumber.equals(fields.get("serial_no"))) {
      return false;
    }
    String message =
        method
            + "\n"
            + pathAndQuery
            + "\n"
            + fields.get("timestamp")
            + "\n"
            + fields.get("nonce_str")
            + "\n"
            + (body == null ? "" : body)
            + "\n";
    return verify(merchantKeys.getPublic(), message, fields.get("signature"));
  }

  private Answer prepay(JsonNode req) {
    String outTradeNo = req.path("out_trade_no").asText(null);
    long total = req.path("amount").path("total").asLong(0);
    String openid = req.path("payer").path("openid").asText(null);
    if (!APP_ID.equals(req.path("appid").asText())
        || !MERCHANT_ID.equals(req.path("mchid").asText())) {
      return error(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
    }
    if (outTradeNo == null || total <= 0 || openid == null || !req.hasNonNull("notify_url")) {
      return error(400, "PARAM_ERROR", "参数错误");
    }
    SandboxTrade existing = trades.get(outTradeNo);
    if (existing != null) {
      if ("CLOSED".equals(existing.state)) {
        return error(400, "ORDER_CLOSED", "订单已关闭");
      }
      if (!"NOTPAY".equals(existing.state)) {
        return error(400, "ORDERPAID", "订单已支付");
      }
      if (existing.totalFen != total || !existing.openid.equals(openid)) {
        return error(400, "INVALID_REQUEST", "201 商户订单号重复");
      }
      return ok(json.createObjectNode().put("prepay_id", existing.prepayId));
    }
    Instant expires =
        req.hasNonNull("time_expire")
            ? OffsetDateTime.parse(req.get("time_expire").asText()).toInstant()
            : Instant.now().plus(Duration.ofHours(2));
    SandboxTrade trade =
        new SandboxTrade(
            outTradeNo,
            APP_ID,
            MERCHANT_ID,
            openid,
            req.get("notify_url").asText(),
            "wx" + HexFormat.of().formatHex(bytes(16)),
            expires,
            total);
    trades.put(outTradeNo, trade);
    return ok(json.createObjectNode().put("prepay_id", trade.prepayId));
  }

  private Answer close(String outTradeNo) {
    SandboxTrade trade = trades.get(outTradeNo);
    if (trade == null) {
      return error(404, "ORDER_NOT_EXIST", "订单不存在");
    }
    synchronized (trade) {
      if ("SUCCESS".equals(trade.state) || "REFUND".equals(trade.state)) {
        return error(400, "ORDERPAID", "订单已支付");
      }
      trade.state = "CLOSED";
    }
    return signed(204, "");
  }

  private Answer refund(JsonNode req) {
    String outTradeNo = req.path("out_trade_no").asText(null);
    String outRefundNo = req.path("out_refund_no").asText(null);
    SandboxTrade trade = outTradeNo == null ? null : trades.get(outTradeNo);
    if (trade == null || outRefundNo == null) {
      return error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
    }
    SandboxRefund existing = refunds.get(outRefundNo);
    if (existing != null) {
      return ok(refundJson(existing));
    }
    long refundFen = req.path("amount").path("refund").asLong(0);
    if (!"SUCCESS".equals(trade.state)) {
      return error(400, "INVALID_REQUEST", "订单未支付或已退款");
    }
    if (refundFen <= 0 || refundFen > trade.totalFen) {
      return error(400, "PARAM_ERROR", "退款金额不正确");
    }
    SandboxRefund refund =
        new SandboxRefund(
            "5030" + digits(26),
            outRefundNo,
            outTradeNo,
            trade.transactionId,
            refundFen,
            trade.totalFen,
            req.path("notify_url").asText(null),
            Instant.now());
    refunds.put(outRefundNo, refund);
    // Like WeChat Pay: accepted now, completed a moment later, then notified.
    CompletableFuture.runAsync(
        () -> completeRefund(refund),
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    return ok(refundJson(refund));
  }

  private void completeRefund(SandboxRefund refund) {
    SandboxTrade trade = trades.get(refund.outTradeNo);
    synchronized (trade) {
      refund.status = "SUCCESS";
      refund.successTime = Instant.now();
      trade.state = "REFUND";
    }
    if (refund.notifyUrl != null) {
      ObjectNode plain = refundJson(refund);
      plain.put("mchid", MERCHANT_ID);
      plain.put("refund_status", refund.status);
      plain.remove("status");
      deliver(refund.notifyUrl, refund.outTradeNo, "REFUND.SUCCESS", "refund", plain);
    }
  }

  // ---- the payer's side

  /** How the sandbox should behave when the payer pays. */
  public record PaymentScript(int notifications, Duration delay, Long reportedAmountFen) {
    public static PaymentScript once() {
      return new PaymentScript(1, Duration.ZERO, null);
    }
  }

  /** A notification attempt and the status code the merchant answered (0: not reachable). */
  public record Delivery(String outTradeNo, String eventType, int status) {}

  /** The payer confirms the payment in WeChat. */
  public void pay(String outTradeNo, String payerOpenid, PaymentScript script) {
    SandboxTrade trade = payable(outTradeNo, payerOpenid);
    synchronized (trade) {
      if (!"NOTPAY".equals(trade.state) && !"PAYERROR".equals(trade.state)) {
        throw refusal(trade);
      }
      trade.state = "SUCCESS";
      trade.transactionId = "4200" + digits(24);
      trade.successTime = Instant.now();
      if (script.reportedAmountFen() != null) {
        trade.totalFen = script.reportedAmountFen();
      }
    }
    ObjectNode plain = transactionJson(trade, trade.totalFen);
    for (int i = 0; i < script.notifications(); i++) {
      CompletableFuture.runAsync(
          () -> deliver(trade.notifyUrl, outTradeNo, "TRANSACTION.SUCCESS", "transaction", plain),
          CompletableFuture.delayedExecutor(script.delay().toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  /** Whether wx.requestPayment parameters carry a valid merchant signature, as WeChat checks. */
  public boolean requestPaymentSigned(
      String appId, String timeStamp, String nonceStr, String packageValue, String paySign) {
    String message = appId + "\n" + timeStamp + "\n" + nonceStr + "\n" + packageValue + "\n";
    return verify(merchantKeys.getPublic(), message, paySign);
  }

  /** The payment fails (e.g. insufficient balance): WeChat Pay sends no notification. */
  public void fail(String outTradeNo, String payerOpenid) {
    SandboxTrade trade = payable(outTradeNo, payerOpenid);
    synchronized (trade) {
      if (!"NOTPAY".equals(trade.state)) {
        throw refusal(trade);
      }
      trade.state = "PAYERROR";
    }
  }

  private SandboxTrade payable(String outTradeNo, String payerOpenid) {
    SandboxTrade trade = trades.get(outTradeNo);
    if (trade == null) {
      throw new SandboxRefusal(404, "ORDER_NOT_EXIST", "订单不存在，请先发起支付");
    }
    if (!trade.openid.equals(payerOpenid)) {
      throw new SandboxRefusal(403, "PAYER_MISMATCH", "只能由下单的微信用户支付");
    }
    if ("NOTPAY".equals(trade.state) && trade.expiresAt.isBefore(Instant.now())) {
      throw new SandboxRefusal(409, "ORDER_EXPIRED", "订单已超时，请重新发起支付");
    }
    return trade;
  }

  private static SandboxRefusal refusal(SandboxTrade trade) {
    return switch (trade.state) {
      case "CLOSED" -> new SandboxRefusal(409, "ORDER_CLOSED", "订单已关闭，不能再支付，请重新发起支付");
      case "SUCCESS", "REFUND" -> new SandboxRefusal(409, "ORDERPAID", "订单已支付，不能重复支付");
      default -> new SandboxRefusal(409, "INVALID_STATE", "订单当前不能支付");
    };
  }

  /** A payment notification for the order, signed now, without sending it (for tests). */
  public SignedMessage paymentNotification(String outTradeNo) {
    SandboxTrade trade = trades.get(outTradeNo);
    return notification(
        "TRANSACTION.SUCCESS", "transaction", transactionJson(trade, trade.totalFen));
  }

  /** Signs any body with the platform key, as WeChat Pay signs notifications (for tests). */
  public SignedMessage signAsPlatform(String body) {
    return signedMessage(body);
  }

  public List<Delivery> deliveries(String outTradeNo) {
    return deliveries.stream().filter(d -> d.outTradeNo().equals(outTradeNo)).toList();
  }

  /** A message and the headers WeChat Pay sends with it. */
  public record SignedMessage(Map<String, String> headers, String body) {}

  private void deliver(
      String url, String outTradeNo, String eventType, String originalType, ObjectNode plain) {
    SignedMessage message = notification(eventType, originalType, plain);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
    message.headers().forEach(request::header);
    int status;
    try {
      status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      status = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 0;
    }
    deliveries.add(new Delivery(outTradeNo, eventType, status));
    Log.debugf("sandbox notified %s of %s: HTTP %d", outTradeNo, eventType, status);
  }

  private SignedMessage notification(String eventType, String originalType, ObjectNode plain) {
    String nonce = HexFormat.of().formatHex(bytes(6));
    String ciphertext =
        new AeadAesCipher(apiV3Key.getBytes(StandardCharsets.UTF_8))
            .encrypt(
                originalType.getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8),
                plain.toString().getBytes(StandardCharsets.UTF_8));
    ObjectNode body = json.createObjectNode();
    body.put("id", UUID.randomUUID().toString());
    body.put("create_time", rfc3339(Instant.now()));
    body.put("resource_type", "encrypt-resource");
    body.put("event_type", eventType);
    body.put("summary", eventType.startsWith("REFUND") ? "退款成功" : "支付成功");
    ObjectNode resource = body.putObject("resource");
    resource.put("original_type", originalType);
    resource.put("algorithm", "AEAD_AES_256_GCM");
    resource.put("ciphertext", ciphertext);
    resource.put("associated_data", originalType);
    resource.put("nonce", nonce);
    return signedMessage(body.toString());
  }

  private SignedMessage signedMessage(String body) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = HexFormat.of().formatHex(bytes(16));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Wechatpay-Timestamp", timestamp);
    headers.put("Wechatpay-Nonce", nonce);
    headers.put("Wechatpay-Serial", publicKeyId);
    headers.put("Wechatpay-Signature-Type", SIGN_TYPE);
    headers.put("Wechatpay-Signature", sign(timestamp + "\n" + nonce + "\n" + body + "\n"));
    return new SignedMessage(headers, body);
  }

  // ---- JSON of WeChat Pay's resources

  private ObjectNode transactionJson(SandboxTrade t, long totalFen) {
    ObjectNode n = json.createObjectNode();
    n.put("appid", t.appId);
    n.put("mchid", t.merchantId);
    n.put("out_trade_no", t.outTradeNo);
    n.put("trade_type", "JSAPI");
    n.put("trade_state", t.state);
    n.put("trade_state_desc", describe(t.state));
    n.put("attach", "");
    if (t.transactionId != null) {
      n.put("transaction_id", t.transactionId);
      n.put("bank_type", "OTHERS");
      n.put("success_time", rfc3339(t.successTime));
    }
    n.putObject("payer").put("openid", t.openid);
    ObjectNode amount = n.putObject("amount");
    amount.put("total", totalFen);
    amount.put("currency", "CNY");
    if (t.transactionId != null) {
      amount.put("payer_total", totalFen);
      amount.put("payer_currency", "CNY");
    }
    return n;
  }

  private static String describe(String state) {
    return switch (state) {
      case "SUCCESS" -> "支付成功";
      case "CLOSED" -> "订单已关闭";
      case "REFUND" -> "转入退款";
      case "PAYERROR" -> "支付失败，请重新下单支付";
      default -> "订单未支付";
    };
  }

  private ObjectNode refundJson(SandboxRefund r) {
    ObjectNode n = json.createObjectNode();
    n.put("refund_id", r.refundId);
    n.put("out_refund_no", r.outRefundNo);
    n.put("transaction_id", r.transactionId);
    n.put("out_trade_no", r.outTradeNo);
    n.put("channel", "ORIGINAL");
    n.put("user_received_account", "支付用户零钱");
    n.put("create_time", rfc3339(r.createdAt));
    if (r.successTime != null) {
      n.put("success_time", rfc3339(r.successTime));
    }
    n.put("status", r.status);
    n.put("funds_account", "AVAILABLE");
    ObjectNode amount = n.putObject("amount");
    amount.put("total", r.totalFen);
    amount.put("refund", r.refundFen);
    amount.put("payer_total", r.totalFen);
    amount.put("payer_refund", r.refundFen);
    amount.put("settlement_refund", r.refundFen);
    amount.put("settlement_total", r.totalFen);
    amount.put("discount_refund", 0);
    amount.put("currency", "CNY");
    return n;
  }

  // ---- answers, signatures, randomness

  private Answer ok(ObjectNode body) {
    return signed(200, body.toString());
  }

  private Answer error(int status, String code, String message) {
    return signed(
        status, json.createObjectNode().put("code", code).put("message", message).toString());
  }

  private Answer signed(int status, String body) {
    SignedMessage m = signedMessage(body);
    Map<String, String> headers = new LinkedHashMap<>(m.headers());
    headers.put("Request-ID", UUID.randomUUID().toString());
    if (body.isEmpty()) {
      headers.remove("Content-Type");
    }
    return new Answer(status, headers, body);
  }

  private String sign(String message) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(platformKeys.getPrivate());
      s.update(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean verify(PublicKey key, String message, String signature) {
    if (signature == null) {
      return false;
    }
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(key);
      s.update(message.getBytes(StandardCharsets.UTF_8));
      return s.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String rfc3339(Instant t) {
    return OffsetDateTime.ofInstant(t, BEIJING).withNano(0).format(RFC3339);
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(random.nextInt(10));
    }
    return s.toString();
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

  @PreDestroy
  void stop() {
    http.close();
  }

  /** The payer's action is refused, as WeChat would refuse it; the message is for the student. */
  public static final class SandboxRefusal extends RuntimeException {
    private final int status;
    private final String code;

    SandboxRefusal(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }
}
