package org.gradphoto.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One student walking the journey through the gateway's API as the app does, retrying the way a
 * phone does when the platform is briefly away: a refused connection, 502/503/504 (a service
 * restarting behind the gateway) or "not known yet" (an event still on its way) is asked again
 * after a second, until {@link #PATIENCE} runs out. Uploads carry an Idempotency-Key, so a retry of
 * an upload whose answer was lost never makes a second attempt.
 */
final class ApiStudent {
  static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<Integer> AWAY = List.of(502, 503, 504);

  final String openid;
  final String name;
  final String idNumber;
  private String token;
  String collectionId;
  String attemptId;
  private final String uploadKey = UUID.randomUUID().toString();

  ApiStudent(String openid, String name, String idNumber) {
    this.openid = openid;
    this.name = name;
    this.idNumber = idNumber;
  }

  void logIn() {
    String code =
        until(
                () ->
                    json(
                        "POST",
                        "/api/local-wechat/login-codes",
                        null,
                        "{\"openid\":\"" + openid + "\"}"),
                200,
                201)
            .json()
            .path("code")
            .asText();
    token =
        until(
                () ->
                    json(
                        "POST",
                        "/api/identity/auth/wechat-login",
                        null,
                        "{\"code\":\"" + code + "\"}"),
                200)
            .json()
            .path("accessToken")
            .asText();
  }

  void proveEligibility(String schoolCode, String batchId) {
    ObjectNode body = Platform.JSON.createObjectNode();
    body.put("schoolCode", schoolCode).put("name", name).put("idNumber", idNumber);
    body.put("batchId", batchId);
    collectionId =
        until(
                () -> json("POST", "/api/identity/eligibility/by-school", token, body.toString()),
                200,
                201)
            .json()
            .path("collectionId")
            .asText();
  }

  void pay() {
    JsonNode prepay =
        until(
                () ->
                    json(
                        "POST",
                        "/api/payment/collections/" + collectionId + "/order/pay",
                        token,
                        ""),
                200,
                201)
            .json();
    ObjectNode answer = Platform.JSON.createObjectNode();
    for (String k : List.of("appId", "timeStamp", "nonceStr", "package", "signType", "paySign")) {
      answer.set(k, prepay.get(k));
    }
    answer.put("action", "confirm");
    until(
        () -> json("POST", "/api/local-wechat/request-payment", null, answer.toString()),
        200,
        201,
        204);

    // As the app does after paying: the capture page opens once capture has heard of the payment.
    until(
        () -> json("GET", "/api/capture/collections/" + collectionId, token, null),
        a -> a.status() == 200 && a.json().path("canUpload").asBoolean());
  }

  /** Uploads until answered with the preview (the same Idempotency-Key every time). */
  void upload(byte[] jpeg) {
    String boundary = "e2e-" + uploadKey;
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + jpeg.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(jpeg, 0, body, head.length, jpeg.length);
    System.arraycopy(tail, 0, body, head.length + jpeg.length, tail.length);
    attemptId =
        until(
                () ->
                    request("/api/capture/collections/" + collectionId + "/attempts", token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Idempotency-Key", uploadKey)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                200,
                201)
            .json()
            .path("attemptId")
            .asText();
  }

  void submit() {
    until(
        () ->
            json(
                "POST",
                "/api/capture/collections/" + collectionId + "/attempts/" + attemptId + "/submit",
                token,
                ""),
        200,
        201,
        204);
  }

  /**
   * Waits for the standard photo's download link (after the review), then fetches the file; when
   * the file cannot be fetched (the object store away, the link expired), asks for a new link, as a
   * student tapping 下载 again does.
   */
  byte[] downloadStandardPhoto() {
    Instant deadline = Instant.now().plus(PATIENCE);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      String url =
          until(
                  () ->
                      json(
                          "GET",
                          "/api/delivery/students/me/collections/"
                              + collectionId
                              + "/downloads/standard-photo",
                          token,
                          null),
                  a -> a.status() == 200)
              .json()
              .path("url")
              .asText();
      try {
        HttpResponse<byte[]> file =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create(url.startsWith("http") ? url : Platform.GATEWAY + url))
                    .header("Accept", "image/*")
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (file.statusCode() == 200) {
          return file.body();
        }
        last = "HTTP " + file.statusCode();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError("standard photo of " + openid + " never fetched; last: " + last);
  }

  // ------------------------------------------------------------------ HTTP with patience

  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return Platform.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (HTTP " + status + "): " + Platform.shorten(body), e);
      }
    }
  }

  interface Call {
    HttpRequest.Builder build();
  }

  static Answer until(Call call, int... wanted) {
    return until(call, a -> contains(wanted, a.status()));
  }

  /**
   * Sends until {@code done} says the answer is the one wanted. The platform being away (no answer,
   * 502/503/504), "not known yet" (404/409 while an event is on its way) or a success that is not
   * there yet (a package still building) means again in a second; anything else fails at once.
   */
  static Answer until(Call call, Predicate<Answer> done) {
    Instant deadline = Instant.now().plus(PATIENCE);
    Answer last = null;
    while (Instant.now().isBefore(deadline)) {
      last = send(call.build());
      if (done.test(last)) {
        return last;
      }
      boolean away = last.status() == 0 || AWAY.contains(last.status());
      boolean notYet = last.status() == 404 || last.status() == 409 || last.status() / 100 == 2;
      if (!away && !notYet) {
        throw new AssertionError("HTTP " + last.status() + ": " + Platform.shorten(last.body()));
      }
      sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError("no answer in " + PATIENCE + "; last: " + last);
  }

  private static boolean contains(int[] wanted, int status) {
    for (int w : wanted) {
      if (w == status) {
        return true;
      }
    }
    return false;
  }

  static HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(Platform.GATEWAY + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  static HttpRequest.Builder json(String method, String path, String token, String body) {
    return request(path, token)
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
  }

  /** Status 0: no answer at all (connection refused or reset, timed out). */
  static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Answer(0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
