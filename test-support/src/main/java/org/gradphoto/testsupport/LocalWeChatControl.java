package org.gradphoto.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The tests' hands inside WeChat, through the local WeChat's control API: the user's wx.login and
 * getPhoneNumber codes, the user deciding on wx.requestPayment, what WeChat Pay sent or would send,
 * the subscribe-message inbox, and WeChat misbehaving.
 */
public final class LocalWeChatControl {
  private LocalWeChatControl() {}

  public static String url() {
    return ConfigProvider.getConfig().getValue("local-wechat.url", String.class);
  }

  /**
   * Hands the parameters the service returned for wx.requestPayment to WeChat, which checks the
   * merchant's paySign and lets the user act ({@code action}: confirm, cancel, fail) with the given
   * notification script ({@code notifications}, {@code delay_ms}, {@code query_lag_ms}, {@code
   * reported_amount_fen}, {@code openid} of another user).
   */
  public static Response requestPayment(Response pay, Map<String, ?> script) {
    Map<String, Object> body = new HashMap<>();
    for (String f : List.of("appId", "timeStamp", "nonceStr", "package", "signType", "paySign")) {
      body.put(f, pay.path(f));
    }
    body.putAll(script);
    return given()
        .baseUri(url())
        .contentType("application/json")
        .body(body)
        .post("/control/request-payment");
  }

  /** What wx.login gives the mini-program of the WeChat user {@code openid}. */
  public static String loginCode(String openid) {
    return given()
        .baseUri(url())
        .contentType("application/json")
        .body(Map.of("openid", openid))
        .post("/control/login-codes")
        .then()
        .statusCode(200)
        .extract()
        .path("code");
  }

  /** What getPhoneNumber gives the mini-program once the user shares {@code phoneNumber}. */
  public static String phoneCode(String phoneNumber) {
    return given()
        .baseUri(url())
        .contentType("application/json")
        .body(Map.of("phone_number", phoneNumber))
        .post("/control/phone-codes")
        .then()
        .statusCode(200)
        .extract()
        .path("code");
  }

  /** Subscribe messages WeChat accepted for {@code openid}, oldest first. */
  public static List<Map<String, Object>> inbox(String openid) {
    return given()
        .baseUri(url())
        .queryParam("touser", openid)
        .get("/control/inbox")
        .then()
        .statusCode(200)
        .extract()
        .path("$");
  }

  /** Each notification WeChat Pay sent for the order and the status the service answered. */
  public static List<Integer> deliveries(String outTradeNo) {
    return given()
        .baseUri(url())
        .queryParam("out_trade_no", outTradeNo)
        .get("/control/deliveries")
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  /** The payment notification WeChat Pay would send now, not sent. */
  public static Signed paymentNotification(String outTradeNo) {
    Response r =
        given()
            .baseUri(url())
            .queryParam("out_trade_no", outTradeNo)
            .get("/control/payment-notification");
    r.then().statusCode(200);
    return new Signed(r.path("headers"), r.path("body"));
  }

  /** Headers signing any body with WeChat Pay's platform key. */
  public static Map<String, String> signAsPlatform(String body) {
    return given()
        .baseUri(url())
        .contentType("application/json")
        .body(Map.of("body", body))
        .post("/control/sign")
        .then()
        .statusCode(200)
        .extract()
        .path("headers");
  }

  /** Arms a fault: the next {@code times} calls to paths starting with {@code path}. */
  public static void misbehave(String path, String kind, long delayMs, int times) {
    given()
        .baseUri(url())
        .contentType("application/json")
        .body(Map.of("path", path, "kind", kind, "delay_ms", delayMs, "times", times))
        .post("/control/faults")
        .then()
        .statusCode(200);
  }

  public static void behave() {
    given().baseUri(url()).delete("/control/faults").then().statusCode(204);
  }

  public static void scriptNextRefund(Map<String, ?> script) {
    given()
        .baseUri(url())
        .contentType("application/json")
        .body(script)
        .post("/control/refunds/next")
        .then()
        .statusCode(200);
  }

  public record Signed(Map<String, String> headers, String body) {}
}
