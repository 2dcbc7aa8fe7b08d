package org.gradphoto.localwechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeChat Pay API v3 for one merchant: checks the merchant's request signatures, signs every answer
 * and notification with its own platform key (made at start), encrypts notification resources with
 * the merchant's APIv3 key, and keeps orders and refunds in memory. On the payer's side it
 * confirms, cancels or fails a payment, and notifies once, several times, late, never, or before
 * its own query agrees.
 */
public final class WeChatPay {
  static final String SIGN_TYPE = "WECHATPAY2-SHA256-RSA2048";
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  private static final Pattern AUTH_FIELD = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final Pattern CLOSE =
      Pattern.compile("/v3/pay/transactions/out-trade-no/([^/]+)/close");
  private static final Pattern QUERY = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/]+)");
  private static final Pattern REFUND = Pattern.compile("/v3/refund/domestic/refunds/([^/]+)");

  private final ObjectMapper json = new ObjectMapper();
  private final LocalWeChat.Merchant merchant;
  private final KeyPair platformKeys = Crypto.rsa2048();
  private final String publicKeyId = "PUB_KEY_ID_0114" + Crypto.digits(20);
  private final Map<String, Trade> trades = new ConcurrentHashMap<>();
  private final Map<String, Trade> byPrepayId = new ConcurrentHashMap<>();
  private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final AtomicReference<RefundScript> nextRefund = new AtomicReference<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  WeChatPay(LocalWeChat.Merchant merchant) {
    this.merchant = merchant;
  }

  /** What the merchant downloads from the merchant platform: WeChat Pay's public key and its id. */
  public PublicKey platformPublicKey() {
    return platformKeys.getPublic();
  }

  public String publicKeyId() {
    return publicKeyId;
  }

  // ---- the API v3 server side

  Answer handle(String method, String pathAndQuery, Map<String, String> headers, String body) {
    if (!authorized(method, pathAndQuery, headers, body)) {
      return error(401, "SIGN_ERROR", "签名错误");
    }
    String path = pathAndQuery.replaceFirst("\\?.*$", "");
    try {
      if (method.equals("POST") && path.equals("/v3/pay/transactions/jsapi")) {
        return prepay(json.readTree(body));
      }
      Matcher close = CLOSE.matcher(path);
      if (method.equals("POST") && close.matches()) {
        return close(close.group(1));
      }
      Matcher query = QUERY.matcher(path);
      if (method.equals("GET") && query.matches()) {
        Trade trade = trades.get(query.group(1));
        return trade == null
            ? error(404, "ORDER_NOT_EXIST", "订单不存在")
            : ok(
                trade.agreesAt.isAfter(Instant.now()) ? unpaidView(trade) : transactionJson(trade));
      }
      if (method.equals("POST") && path.equals("/v3/refund/domestic/refunds")) {
        return refund(json.readTree(body));
      }
      Matcher refund = REFUND.matcher(path);
      if (method.equals("GET") && refund.matches()) {
        Refund r = refunds.get(refund.group(1));
        return r == null ? error(404, "RESOURCE_NOT_EXISTS", "退款单不存在") : ok(refundJson(r));
      }
      return error(404, "NOT_FOUND", "无此接口");
    } catch (IOException e) {
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
    if (!merchant.merchantId().equals(fields.get("mchid"))
        || !merchant.serialNumber().equals(fields.get("serial_no"))) {
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
    return Crypto.verify(merchant.publicKey(), message, fields.get("signature"));
  }

  private Answer prepay(JsonNode req) {
    String outTradeNo = req.path("out_trade_no").asText(null);
    long total = req.path("amount").path("total").asLong(0);
    String openid = req.path("payer").path("openid").asText(null);
    if (!merchant.appId().equals(req.path("appid").asText())
        || !merchant.merchantId().equals(req.path("mchid").asText())) {
      return error(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
    }
    if (outTradeNo == null || total <= 0 || openid == null || !req.hasNonNull("notify_url")) {
      return error(400, "PARAM_ERROR", "参数错误");
    }
    Trade existing = trades.get(outTradeNo);
    if (existing != null) {
      synchronized (existing) {
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
    }
    Instant expires =
        req.hasNonNull("time_expire")
            ? OffsetDateTime.parse(req.get("time_expire").asText()).toInstant()
            : Instant.now().plus(Duration.ofHours(2));
    Trade trade =
        new Trade(
            outTradeNo,
            openid,
            req.get("notify_url").asText(),
            "wx" + Crypto.hex(16),
            expires,
            total);
    Trade raced = trades.putIfAbsent(outTradeNo, trade);
    if (raced != null) {
      return ok(json.createObjectNode().put("prepay_id", raced.prepayId));
    }
    byPrepayId.put(trade.prepayId, trade);
    return ok(json.createObjectNode().put("prepay_id", trade.prepayId));
  }

  private Answer close(String outTradeNo) {
    Trade trade = trades.get(outTradeNo);
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
    Trade trade = outTradeNo == null ? null : trades.get(outTradeNo);
    if (trade == null || outRefundNo == null) {
      return error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
    }
    Refund refund;
    synchronized (trade) {
      Refund existing = refunds.get(outRefundNo);
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
      refund =
          new Refund(
              "5030" + Crypto.digits(26),
              outRefundNo,
              outTradeNo,
              trade.transactionId,
              refundFen,
              trade.totalFen,
              req.path("notify_url").asText(null),
              Instant.now());
      refunds.put(outRefundNo, refund);
    }
    RefundScript script = nextRefund.getAndSet(null);
    RefundScript s = script == null ? RefundScript.usual() : script;
    // Like WeChat Pay: accepted now, completed a moment later, then notified.
    CompletableFuture.runAsync(
        () -> completeRefund(refund, s),
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    return ok(refundJson(refund));
  }

  private void completeRefund(Refund refund, RefundScript script) {
    Trade trade = trades.get(refund.outTradeNo);
    synchronized (trade) {
      refund.status = "SUCCESS";
      refund.successTime = Instant.now();
      trade.state = "REFUND";
    }
    if (refund.notifyUrl == null) {
      return;
    }
    ObjectNode plain = refundJson(refund);
    plain.put("mchid", merchant.merchantId());
    plain.put("refund_status", refund.status);
    plain.remove("status");
    if (script.refundFen() != null) {
      plain.with("amount").put("refund", script.refundFen());
    }
    for (int i = 0; i < script.notifications(); i++) {
      CompletableFuture.runAsync(
          () ->
              deliver(
                  refund.notifyUrl,
                  refund.outTradeNo,
                  "REFUND.SUCCESS",
                  "refund",
                  plain,
                  script.asMerchant()),
          CompletableFuture.delayedExecutor(script.delay().toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  // ---- the payer's side

  /**
   * How WeChat Pay behaves once the payer pays: {@code notifications} deliveries (0: lost), each
   * {@code delay} late, a different amount reported, and its own query still answering NOTPAY for
   * {@code queryLag} (the notification arrives before the query agrees).
   */
  public record PaymentScript(
      int notifications, Duration delay, Long reportedAmountFen, Duration queryLag) {
    public static PaymentScript once() {
      return new PaymentScript(1, Duration.ZERO, null, Duration.ZERO);
    }
  }

  /**
   * How the next refund completes: notifications sent, their delay, a different refund amount or
   * another merchant id reported in them (tests of the merchant's checks).
   */
  public record RefundScript(int notifications, Duration delay, Long refundFen, String asMerchant) {
    static RefundScript usual() {
      return new RefundScript(1, Duration.ZERO, null, null);
    }
  }

  /** A notification attempt and what the merchant answered (0: not reachable). */
  public record Delivery(String outTradeNo, String eventType, int status) {}

  /** A message with the headers WeChat Pay sends with it. */
  public record SignedMessage(Map<String, String> headers, String body) {}

  /** The payer's action refused as WeChat refuses it; the message is for the student. */
  public static final class Refusal extends RuntimeException {
    private final int status;
    private final String code;

    Refusal(int status, String code, String message) {
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

  public void scriptNextRefund(RefundScript script) {
    nextRefund.set(script);
  }

  /** The out_trade_no behind a prepay id (what wx.requestPayment's package names). */
  public String outTradeNoOfPrepay(String prepayId) {
    Trade t = byPrepayId.get(prepayId);
    if (t == null) {
      throw new Refusal(404, "PREPAY_NOT_EXIST", "支付单不存在，请重新发起支付");
    }
    return t.outTradeNo;
  }

  /** The openid an order was placed for (the only user who can pay it). */
  public String payerOf(String outTradeNo) {
    Trade t = trades.get(outTradeNo);
    if (t == null) {
      throw new Refusal(404, "ORDER_NOT_EXIST", "订单不存在，请先发起支付");
    }
    return t.openid;
  }

  /** The payer confirms the payment in WeChat. */
  public void pay(String outTradeNo, String payerOpenid, PaymentScript script) {
    Trade trade = payable(outTradeNo, payerOpenid);
    synchronized (trade) {
      if (!"NOTPAY".equals(trade.state) && !"PAYERROR".equals(trade.state)) {
        throw refusal(trade);
      }
      trade.state = "SUCCESS";
      trade.transactionId = "4200" + Crypto.digits(24);
      trade.successTime = Instant.now();
      trade.agreesAt = Instant.now().plus(script.queryLag());
      if (script.reportedAmountFen() != null) {
        trade.totalFen = script.reportedAmountFen();
      }
    }
    ObjectNode plain = transactionJson(trade);
    for (int i = 0; i < script.notifications(); i++) {
      CompletableFuture.runAsync(
          () ->
              deliver(
                  trade.notifyUrl, outTradeNo, "TRANSACTION.SUCCESS", "transaction", plain, null),
          CompletableFuture.delayedExecutor(script.delay().toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  /** The payer closes the cashier without paying: WeChat changes nothing and notifies nothing. */
  public void cancel(String outTradeNo, String payerOpenid) {
    Trade trade = payable(outTradeNo, payerOpenid);
    synchronized (trade) {
      if (!"NOTPAY".equals(trade.state)) {
        throw refusal(trade);
      }
    }
  }

  /** The payment fails (e.g. insufficient balance): no notification. */
  public void fail(String outTradeNo, String payerOpenid) {
    Trade trade = payable(outTradeNo, payerOpenid);
    synchronized (trade) {
      if (!"NOTPAY".equals(trade.state)) {
        throw refusal(trade);
      }
      trade.state = "PAYERROR";
    }
  }

  /**
   * Whether wx.requestPayment's parameters carry a valid merchant signature for this merchant's app
   * id, as WeChat's client checks them before showing the cashier.
   */
  public boolean requestPaymentSigned(
      String appId, String timeStamp, String nonceStr, String packageValue, String paySign) {
    if (!merchant.appId().equals(appId)) {
      return false;
    }
    String message = appId + "\n" + timeStamp + "\n" + nonceStr + "\n" + packageValue + "\n";
    return Crypto.verify(merchant.publicKey(), message, paySign);
  }

  private Trade payable(String outTradeNo, String payerOpenid) {
    Trade trade = trades.get(outTradeNo);
    if (trade == null) {
      throw new Refusal(404, "ORDER_NOT_EXIST", "订单不存在，请先发起支付");
    }
    if (!trade.openid.equals(payerOpenid)) {
      throw new Refusal(403, "PAYER_MISMATCH", "只能由下单的微信用户支付");
    }
    if ("NOTPAY".equals(trade.state) && trade.expiresAt.isBefore(Instant.now())) {
      throw new Refusal(409, "ORDER_EXPIRED", "订单已超时，请重新发起支付");
    }
    return trade;
  }

  private static Refusal refusal(Trade trade) {
    return switch (trade.state) {
      case "CLOSED" -> new Refusal(409, "ORDER_CLOSED", "订单已关闭，不能再支付，请重新发起支付");
      case "SUCCESS", "REFUND" -> new Refusal(409, "ORDERPAID", "订单已支付，不能重复支付");
      default -> new Refusal(409, "INVALID_STATE", "订单当前不能支付");
    };
  }

  /** A payment notification for the order, signed now, not sent (tests replay or tamper it). */
  public SignedMessage paymentNotification(String outTradeNo) {
    Trade trade = trades.get(outTradeNo);
    if (trade == null) {
      throw new Refusal(404, "ORDER_NOT_EXIST", "订单不存在");
    }
    return notification("TRANSACTION.SUCCESS", "transaction", transactionJson(trade), null);
  }

  /** Signs any body with the platform key, as WeChat Pay signs notifications. */
  public SignedMessage signAsPlatform(String body) {
    return signedMessage(body);
  }

  public List<Delivery> deliveries(String outTradeNo) {
    return deliveries.stream().filter(d -> d.outTradeNo().equals(outTradeNo)).toList();
  }

  private void deliver(
      String url,
      String outTradeNo,
      String eventType,
      String originalType,
      ObjectNode plain,
      String asMerchant) {
    SignedMessage message = notification(eventType, originalType, plain, asMerchant);
    int status;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
      message.headers().forEach(request::header);
      status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | IllegalArgumentException e) {
      status = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 0;
    }
    deliveries.add(new Delivery(outTradeNo, eventType, status));
  }

  private SignedMessage notification(
      String eventType, String originalType, ObjectNode plain, String asMerchant) {
    ObjectNode content = plain.deepCopy();
    if (asMerchant != null) {
      content.put("mchid", asMerchant);
    }
    String nonce = Crypto.hex(6);
    String ciphertext =
        Crypto.encrypt(merchant.apiV3Key(), originalType, nonce, content.toString());
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
    String nonce = Crypto.hex(16);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Wechatpay-Timestamp", timestamp);
    headers.put("Wechatpay-Nonce", nonce);
    headers.put("Wechatpay-Serial", publicKeyId);
    headers.put("Wechatpay-Signature-Type", SIGN_TYPE);
    headers.put(
        "Wechatpay-Signature",
        Crypto.sign(platformKeys.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n"));
    return new SignedMessage(headers, body);
  }

  // ---- JSON of WeChat Pay's resources

  private ObjectNode unpaidView(Trade t) {
    ObjectNode n = transactionJson(t);
    n.put("trade_state", "NOTPAY");
    n.put("trade_state_desc", describe("NOTPAY"));
    n.remove(List.of("transaction_id", "bank_type", "success_time"));
    n.with("amount").remove(List.of("payer_total", "payer_currency"));
    return n;
  }

  private ObjectNode transactionJson(Trade t) {
    ObjectNode n = json.createObjectNode();
    n.put("appid", merchant.appId());
    n.put("mchid", merchant.merchantId());
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
    amount.put("total", t.totalFen);
    amount.put("currency", "CNY");
    if (t.transactionId != null) {
      amount.put("payer_total", t.totalFen);
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

  private ObjectNode refundJson(Refund r) {
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

  private Answer ok(ObjectNode body) {
    return signed(200, body.toString());
  }

  Answer error(int status, String code, String message) {
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

  private static String rfc3339(Instant t) {
    return OffsetDateTime.ofInstant(t, BEIJING).withNano(0).format(RFC3339);
  }

  void stop() {
    http.close();
  }

  private static final class Trade {
    final String outTradeNo;
    final String openid;
    final String notifyUrl;
    final String prepayId;
    final Instant expiresAt;
    long totalFen;
    String state = "NOTPAY";
    String transactionId;
    Instant successTime;
    Instant agreesAt = Instant.EPOCH;

    Trade(
        String outTradeNo,
        String openid,
        String notifyUrl,
        String prepayId,
        Instant expiresAt,
        long totalFen) {
      this.outTradeNo = outTradeNo;
      this.openid = openid;
      this.notifyUrl = notifyUrl;
      this.prepayId = prepayId;
      this.expiresAt = expiresAt;
      this.totalFen = totalFen;
    }
  }

  private static final class Refund {
    final String refundId;
    final String outRefundNo;
    final String outTradeNo;
    final String transactionId;
    final long refundFen;
    final long totalFen;
    final String notifyUrl;
    final Instant createdAt;
    String status = "PROCESSING";
    Instant successTime;

    Refund(
        String refundId,
        String outRefundNo,
        String outTradeNo,
        String transactionId,
        long refundFen,
        long totalFen,
        String notifyUrl,
        Instant createdAt) {
      this.refundId = refundId;
      this.outRefundNo = outRefundNo;
      this.outTradeNo = outTradeNo;
      this.transactionId = transactionId;
      this.refundFen = refundFen;
      this.totalFen = totalFen;
      this.notifyUrl = notifyUrl;
      this.createdAt = createdAt;
    }
  }
}
