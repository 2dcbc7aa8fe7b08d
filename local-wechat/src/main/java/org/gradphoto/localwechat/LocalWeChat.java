package org.gradphoto.localwechat;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local WeChat for GradPhoto: the mini-program server APIs (api.weixin.qq.com) and WeChat Pay API
 * v3 (api.mch.weixin.qq.com) on one port, plus a control API under {@code /control/} through which
 * a test or the local platform acts as the WeChat user and makes WeChat misbehave. The services
 * reach it through their real SDKs with only the host changed.
 *
 * <p>Run: {@code java -jar local-wechat.jar} with the merchant and app registered through the
 * environment (see {@link #fromEnvironment}); or {@link #start} inside a test JVM.
 */
public final class LocalWeChat implements AutoCloseable {
  /** The app and merchant as registered with WeChat: what WeChat knows of them. */
  public record Merchant(
      String appId,
      String appSecret,
      String merchantId,
      String serialNumber,
      PublicKey publicKey,
      String apiV3Key) {}

  private final ObjectMapper json = new ObjectMapper();
  private final Merchant merchant;
  private final MiniProgram miniProgram;
  private final WeChatPay pay;
  private final Faults faults = new Faults();
  private final Vertx vertx;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  private LocalWeChat(Merchant merchant, String host, int port) {
    this.merchant = merchant;
    this.miniProgram = new MiniProgram(merchant.appId(), merchant.appSecret());
    this.pay = new WeChatPay(merchant);
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    try {
      this.server =
          vertx
              .createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
              .requestHandler(this::serve)
              .listen()
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (ExecutionException | TimeoutException e) {
      vertx.close();
      throw new IllegalStateException("local WeChat could not listen on port " + port, e);
    }
  }

  /** Starts on 127.0.0.1 at the port (0: any free one). */
  public static LocalWeChat start(Merchant merchant, int port) {
    return new LocalWeChat(merchant, "127.0.0.1", port);
  }

  public int port() {
    return server.actualPort();
  }

  /** Where the SDKs send what would go to api.weixin.qq.com and api.mch.weixin.qq.com. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public MiniProgram miniProgram() {
    return miniProgram;
  }

  public WeChatPay pay() {
    return pay;
  }

  /** The next {@code times} calls to paths starting with {@code pathPrefix} misbehave. */
  public void misbehave(String pathPrefix, Faults.Kind kind, Duration delay, int times) {
    faults.add(pathPrefix, kind, delay, times);
  }

  public void behave() {
    faults.clear();
  }

  @Override
  public void close() {
    pay.stop();
    threads.shutdownNow();
    vertx.close();
  }

  // ---- HTTP

  private void serve(HttpServerRequest request) {
    request
        .body()
        .onSuccess(buffer -> threads.submit(() -> answer(request, buffer.toString(UTF_8))))
        .onFailure(e -> request.connection().close());
  }

  /** Runs on a virtual thread: the handlers block (misbehaviour sleeps, notifications post). */
  private void answer(HttpServerRequest request, String body) {
    String path = request.path();
    String rawQuery = request.query();
    String method = request.method().name();
    Map<String, String> headers = new HashMap<>();
    request
        .headers()
        .forEach(e -> headers.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
    Answer answer;
    try {
      if (path.startsWith("/control/") || path.equals("/health")) {
        answer = control(method, path, query(rawQuery), body);
      } else {
        Faults.Fault fault = faults.take(path);
        if (fault != null && fault.kind() == Faults.Kind.TIMEOUT) {
          Faults.sleep(fault.delay());
          request.connection().close();
          return;
        }
        if (fault != null && fault.kind() == Faults.Kind.ERROR) {
          answer =
              path.startsWith("/v3/")
                  ? pay.error(500, "SYSTEM_ERROR", "系统错误")
                  : Answer.json(503, "{\"errcode\":-1,\"errmsg\":\"system error\"}");
        } else {
          answer = api(method, path, rawQuery, headers, body);
        }
        if (fault != null && fault.kind() == Faults.Kind.SLOW) {
          Faults.sleep(fault.delay());
        }
      }
    } catch (RuntimeException e) {
      answer = problem(500, "LOCAL_WECHAT_FAILED", e.getClass().getSimpleName());
    }
    HttpServerResponse response = request.response().setStatusCode(answer.status());
    // Header names exactly as WeChat Pay writes them: its SDK looks them up case-sensitively.
    answer.headers().forEach(response::putHeader);
    response.end(answer.body()).onFailure(e -> {});
  }

  private Answer api(
      String method, String path, String rawQuery, Map<String, String> headers, String body) {
    if (path.startsWith("/v3/")) {
      return pay.handle(method, path + (rawQuery == null ? "" : "?" + rawQuery), headers, body);
    }
    return miniProgram.handle(method, path, query(rawQuery), body);
  }

  private Answer control(String method, String path, Map<String, String> q, String body) {
    try {
      JsonNode req = body.isBlank() ? json.createObjectNode() : json.readTree(body);
      return switch (method + " " + path) {
        case "GET /health" -> ok(json.createObjectNode().put("status", "UP"));
        case "GET /control/merchant" ->
            ok(
                json.createObjectNode()
                    .put("app_id", merchant.appId())
                    .put("merchant_id", merchant.merchantId())
                    .put("platform_public_key", Crypto.publicKeyPem(pay.platformPublicKey()))
                    .put("public_key_id", pay.publicKeyId()));
        case "POST /control/login-codes" ->
            ok(
                json.createObjectNode()
                    .put("code", miniProgram.issueLoginCode(required(req, "openid"))));
        case "POST /control/phone-codes" ->
            ok(
                json.createObjectNode()
                    .put("code", miniProgram.issuePhoneCode(required(req, "phone_number"))));
        case "GET /control/inbox" -> inbox(q.get("touser"));
        case "POST /control/request-payment" -> requestPayment(req);
        case "POST /control/refunds/next" -> {
          pay.scriptNextRefund(
              new WeChatPay.RefundScript(
                  req.path("notifications").asInt(1),
                  Duration.ofMillis(req.path("delay_ms").asLong(0)),
                  req.hasNonNull("refund_fen") ? req.get("refund_fen").asLong() : null,
                  req.path("mchid").asText(null)));
          yield ok(json.createObjectNode().put("status", "SCRIPTED"));
        }
        case "GET /control/deliveries" -> deliveries(q.get("out_trade_no"));
        case "GET /control/payment-notification" ->
            signed(pay.paymentNotification(required(q, "out_trade_no")));
        case "POST /control/sign" -> signed(pay.signAsPlatform(required(req, "body")));
        case "POST /control/faults" -> {
          misbehave(
              required(req, "path"),
              Faults.Kind.valueOf(required(req, "kind").toUpperCase(Locale.ROOT)),
              Duration.ofMillis(req.path("delay_ms").asLong(0)),
              req.path("times").asInt(1));
          yield ok(json.createObjectNode().put("status", "ARMED"));
        }
        case "DELETE /control/faults" -> {
          behave();
          yield Answer.json(204, "");
        }
        case "POST /control/access-tokens/revoke" -> {
          miniProgram.revokeAccessTokens();
          yield Answer.json(204, "");
        }
        default -> problem(404, "NOT_FOUND", "no such control operation: " + method + " " + path);
      };
    } catch (WeChatPay.Refusal e) {
      return problem(e.status(), e.code(), e.getMessage());
    } catch (IllegalArgumentException | IOException e) {
      return problem(400, "BAD_REQUEST", e.getMessage());
    }
  }

  /**
   * What the WeChat client does with wx.requestPayment's parameters once the user decides: checks
   * the merchant's paySign, then confirms (pays), cancels or fails the order for the user who
   * placed it. The H5 app of the local platform calls this where a mini-program would call
   * wx.requestPayment.
   */
  private Answer requestPayment(JsonNode req) {
    String pkg = required(req, "package");
    if (!pay.requestPaymentSigned(
        required(req, "appId"),
        required(req, "timeStamp"),
        required(req, "nonceStr"),
        pkg,
        required(req, "paySign"))) {
      return problem(400, "SIGN_ERROR", "支付签名验证失败");
    }
    String outTradeNo = pay.outTradeNoOfPrepay(pkg.replaceFirst("^prepay_id=", ""));
    String payer =
        Optional.ofNullable(req.path("openid").asText(null)).orElse(pay.payerOf(outTradeNo));
    String action = req.path("action").asText("confirm");
    String state =
        switch (action) {
          case "confirm" -> {
            pay.pay(
                outTradeNo,
                payer,
                new WeChatPay.PaymentScript(
                    req.path("notifications").asInt(1),
                    Duration.ofMillis(req.path("delay_ms").asLong(0)),
                    req.hasNonNull("reported_amount_fen")
                        ? req.get("reported_amount_fen").asLong()
                        : null,
                    Duration.ofMillis(req.path("query_lag_ms").asLong(0))));
            yield "SUCCESS";
          }
          case "cancel" -> {
            pay.cancel(outTradeNo, payer);
            yield "NOTPAY";
          }
          case "fail" -> {
            pay.fail(outTradeNo, payer);
            yield "PAYERROR";
          }
          default -> throw new IllegalArgumentException("action must be confirm, cancel or fail");
        };
    return ok(
        json.createObjectNode()
            .put("out_trade_no", outTradeNo)
            .put("trade_state", state)
            .put(
                "errMsg",
                "cancel".equals(action) ? "requestPayment:fail cancel" : "requestPayment:ok"));
  }

  private Answer inbox(String touser) {
    ArrayNode list = json.createArrayNode();
    for (MiniProgram.Message m : miniProgram.inbox(touser)) {
      ObjectNode n = list.addObject();
      n.put("touser", m.touser());
      n.put("template_id", m.templateId());
      n.put("page", m.page());
      n.put("miniprogram_state", m.miniprogramState());
      n.set("data", json.valueToTree(m.data()));
      n.put("sent_at", m.sentAt().toString());
    }
    return Answer.json(200, list.toString());
  }

  private Answer deliveries(String outTradeNo) {
    ArrayNode list = json.createArrayNode();
    for (WeChatPay.Delivery d : pay.deliveries(outTradeNo == null ? "" : outTradeNo)) {
      list.addObject()
          .put("out_trade_no", d.outTradeNo())
          .put("event_type", d.eventType())
          .put("status", d.status());
    }
    return Answer.json(200, list.toString());
  }

  /** A notification as WeChat Pay would send it now, not sent: for replay and forgery tests. */
  private Answer signed(WeChatPay.SignedMessage m) {
    ObjectNode n = json.createObjectNode();
    n.set("headers", json.valueToTree(m.headers()));
    n.put("body", m.body());
    return ok(n);
  }

  private static String required(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  private static String required(JsonNode req, String field) {
    String v = req.path(field).asText(null);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return v;
  }

  private Answer ok(ObjectNode body) {
    return Answer.json(200, body.toString());
  }

  private Answer problem(int status, String code, String detail) {
    Answer a =
        Answer.json(
            status,
            json.createObjectNode()
                .put("status", status)
                .put("code", code)
                .put("detail", detail)
                .toString());
    a.headers().put("Content-Type", "application/problem+json; charset=utf-8");
    return a;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }

  // ---- as a process

  /**
   * The app and merchant come from the environment, as they are registered with WeChat:
   * LOCAL_WECHAT_APP_ID, _APP_SECRET, _MERCHANT_ID, _MERCHANT_SERIAL_NUMBER, _API_V3_KEY and the
   * merchant's public key (_MERCHANT_PUBLIC_KEY_FILE, PEM). LOCAL_WECHAT_PORT defaults to 8190;
   * LOCAL_WECHAT_PLATFORM_KEY_FILE, when set, receives WeChat Pay's public key (PEM) at start and
   * LOCAL_WECHAT_PLATFORM_KEY_ID_FILE its id, for the merchant to configure.
   */
  static Merchant fromEnvironment(Map<String, String> env) throws IOException {
    return new Merchant(
        env(env, "LOCAL_WECHAT_APP_ID"),
        env(env, "LOCAL_WECHAT_APP_SECRET"),
        env(env, "LOCAL_WECHAT_MERCHANT_ID"),
        env(env, "LOCAL_WECHAT_MERCHANT_SERIAL_NUMBER"),
        Crypto.publicKeyFromPem(
            Files.readString(Path.of(env(env, "LOCAL_WECHAT_MERCHANT_PUBLIC_KEY_FILE")))),
        env(env, "LOCAL_WECHAT_API_V3_KEY"));
  }

  private static String env(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is not set");
    }
    return v;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> env = System.getenv();
    Merchant merchant = fromEnvironment(env);
    if (merchant.apiV3Key().length() != 32) {
      throw new IllegalArgumentException("LOCAL_WECHAT_API_V3_KEY must be 32 characters");
    }
    int port = Integer.parseInt(env.getOrDefault("LOCAL_WECHAT_PORT", "8190"));
    LocalWeChat wechat = start(merchant, port);
    String keyFile = env.get("LOCAL_WECHAT_PLATFORM_KEY_FILE");
    if (keyFile != null && !keyFile.isBlank()) {
      Files.writeString(Path.of(keyFile), Crypto.publicKeyPem(wechat.pay().platformPublicKey()));
    }
    String idFile = env.get("LOCAL_WECHAT_PLATFORM_KEY_ID_FILE");
    if (idFile != null && !idFile.isBlank()) {
      Files.writeString(Path.of(idFile), wechat.pay().publicKeyId());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(wechat::close));
    System.out.println("local WeChat listening on " + wechat.baseUrl());
  }
}
