package org.gradphoto.localwechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The mini-program server APIs on api.weixin.qq.com for one app: access tokens, jscode2session,
 * getuserphonenumber and subscribeMessage.send. Login and phone codes exist only when the control
 * API issued them (as wx.login and getPhoneNumber make them on a phone), last five minutes and work
 * once; sent subscribe messages land in an inbox.
 */
public final class MiniProgram {
  private static final Duration CODE_LIFE = Duration.ofMinutes(5);

  private final ObjectMapper json = new ObjectMapper();
  private final String appId;
  private final String secret;
  private final Map<String, Code> loginCodes = new ConcurrentHashMap<>();
  private final Map<String, Code> phoneCodes = new ConcurrentHashMap<>();
  private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
  private final List<Message> inbox = new CopyOnWriteArrayList<>();

  MiniProgram(String appId, String secret) {
    this.appId = appId;
    this.secret = secret;
  }

  private record Code(String value, Instant expiresAt, boolean[] used) {}

  /** One subscribe message as WeChat accepted it. */
  public record Message(
      String touser,
      String templateId,
      String page,
      String miniprogramState,
      Map<String, String> data,
      Instant sentAt) {}

  /** What wx.login gives the app of this user: a code for jscode2session. */
  public String issueLoginCode(String openid) {
    String code = "0" + Crypto.hex(15);
    loginCodes.put(code, new Code(openid, Instant.now().plus(CODE_LIFE), new boolean[1]));
    return code;
  }

  /** What getPhoneNumber gives the app once the user shares this phone number. */
  public String issuePhoneCode(String phoneNumber) {
    String code = Crypto.hex(32);
    phoneCodes.put(code, new Code(phoneNumber, Instant.now().plus(CODE_LIFE), new boolean[1]));
    return code;
  }

  public List<Message> inbox(String touser) {
    return inbox.stream().filter(m -> touser == null || m.touser().equals(touser)).toList();
  }

  Answer handle(String method, String path, Map<String, String> query, String body) {
    try {
      return switch (path) {
        case "/cgi-bin/token" -> token(query.get("appid"), query.get("secret"));
        case "/cgi-bin/stable_token" -> {
          JsonNode req = json.readTree(body);
          yield token(req.path("appid").asText(null), req.path("secret").asText(null));
        }
        case "/sns/jscode2session" -> session(query);
        case "/wxa/business/getuserphonenumber" -> phone(query, json.readTree(body));
        case "/cgi-bin/message/subscribe/send" -> subscribe(query, json.readTree(body));
        default -> wx(40066, "invalid url");
      };
    } catch (IOException e) {
      return wx(47001, "data format error");
    }
  }

  private Answer token(String appid, String sec) {
    if (!appId.equals(appid)) {
      return wx(40013, "invalid appid");
    }
    if (!secret.equals(sec)) {
      return wx(40125, "invalid appsecret");
    }
    String token = Crypto.hex(32);
    accessTokens.put(token, Instant.now().plusSeconds(7200));
    return Answer.json(
        200, json.createObjectNode().put("access_token", token).put("expires_in", 7200).toString());
  }

  private Answer session(Map<String, String> q) {
    if (!appId.equals(q.get("appid"))) {
      return wx(40013, "invalid appid");
    }
    if (!secret.equals(q.get("secret"))) {
      return wx(40125, "invalid appsecret");
    }
    if (!"authorization_code".equals(q.get("grant_type"))) {
      return wx(40002, "invalid grant_type");
    }
    Code code = q.get("js_code") == null ? null : loginCodes.get(q.get("js_code"));
    Answer refused = redeem(code);
    if (refused != null) {
      return refused;
    }
    byte[] sessionKey = Crypto.hex(8).getBytes();
    return Answer.json(
        200,
        json.createObjectNode()
            .put("openid", code.value())
            .put("session_key", Base64.getEncoder().encodeToString(sessionKey))
            .toString());
  }

  private Answer phone(Map<String, String> q, JsonNode req) {
    Answer denied = checkToken(q);
    if (denied != null) {
      return denied;
    }
    Code code = phoneCodes.get(req.path("code").asText(""));
    Answer refused = redeem(code);
    if (refused != null) {
      return refused;
    }
    String pure = code.value().replaceFirst("^\\+86", "");
    ObjectNode answer = json.createObjectNode().put("errcode", 0).put("errmsg", "ok");
    ObjectNode info = answer.putObject("phone_info");
    info.put("phoneNumber", pure);
    info.put("purePhoneNumber", pure);
    info.put("countryCode", "86");
    info.putObject("watermark")
        .put("timestamp", Instant.now().getEpochSecond())
        .put("appid", appId);
    return Answer.json(200, answer.toString());
  }

  /**
   * WeChat's limits on a template field's value, by the type its key starts with: phrase at most
   * five Chinese characters and nothing else, thing at most 20 characters, time a 24-hour time
   * (optionally after a date). Other types are accepted as they come.
   */
  static boolean fits(String key, String value) {
    String type = key.replaceAll("\\d+$", "");
    return switch (type) {
      case "phrase" -> value.matches("\\p{IsHan}{1,5}");
      case "thing" -> !value.isEmpty() && value.codePointCount(0, value.length()) <= 20;
      case "time" ->
          value.matches("(\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日? )?\\d{1,2}:\\d{2}(:\\d{2})?");
      default -> true;
    };
  }

  private Answer subscribe(Map<String, String> q, JsonNode req) {
    Answer denied = checkToken(q);
    if (denied != null) {
      return denied;
    }
    String touser = req.path("touser").asText("");
    if (touser.isBlank()) {
      return wx(40003, "invalid openid");
    }
    if (req.path("template_id").asText("").isBlank()) {
      return wx(40037, "invalid template_id");
    }
    Map<String, String> data = new java.util.LinkedHashMap<>();
    req.path("data")
        .fields()
        .forEachRemaining(e -> data.put(e.getKey(), e.getValue().path("value").asText()));
    for (Map.Entry<String, String> field : data.entrySet()) {
      if (!fits(field.getKey(), field.getValue())) {
        return wx(47003, "argument invalid! data." + field.getKey() + ".value invalid");
      }
    }
    inbox.add(
        new Message(
            touser,
            req.path("template_id").asText(),
            req.path("page").asText(null),
            req.path("miniprogram_state").asText("formal"),
            Map.copyOf(data),
            Instant.now()));
    return Answer.json(
        200,
        json.createObjectNode()
            .put("errcode", 0)
            .put("errmsg", "ok")
            .put("msgid", Long.parseLong(Crypto.digits(15)))
            .toString());
  }

  /** Uses a code up; WeChat's refusal when it is unknown, expired or used, else null. */
  private Answer redeem(Code code) {
    if (code == null || code.expiresAt().isBefore(Instant.now())) {
      return wx(40029, "invalid code");
    }
    synchronized (code) {
      if (code.used()[0]) {
        return wx(40163, "code been used");
      }
      code.used()[0] = true;
    }
    return null;
  }

  private Answer checkToken(Map<String, String> q) {
    Instant expires =
        q.get("access_token") == null ? null : accessTokens.get(q.get("access_token"));
    if (expires == null) {
      return wx(40001, "invalid credential, access_token is invalid or not latest");
    }
    if (expires.isBefore(Instant.now())) {
      return wx(42001, "access_token expired");
    }
    return null;
  }

  /** WeChat's error form: HTTP 200 with errcode and errmsg. */
  private Answer wx(int errcode, String errmsg) {
    return Answer.json(
        200, json.createObjectNode().put("errcode", errcode).put("errmsg", errmsg).toString());
  }

  /** Forgets every access token, as when WeChat invalidates them (callers must fetch anew). */
  public void revokeAccessTokens() {
    accessTokens.clear();
  }
}
