package org.gradphoto.payment.adapter.out.wechatpay.sandbox;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Plugged into the SDK's own OkHttp client in sandbox mode: requests that would leave for
 * api.mch.weixin.qq.com are answered by the {@link WechatPaySandbox} instead, after the SDK has
 * signed them and before it verifies the signed answer.
 */
public final class SandboxInterceptor implements Interceptor {
  private final WechatPaySandbox sandbox;

  public SandboxInterceptor(WechatPaySandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String body = "";
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      body = buffer.readUtf8();
    }
    String query = request.url().encodedQuery();
    String pathAndQuery = request.url().encodedPath() + (query == null ? "" : "?" + query);
    Map<String, String> headers = new HashMap<>();
    request
        .headers()
        .names()
        .forEach(n -> headers.put(n.toLowerCase(Locale.ROOT), request.header(n)));
    WechatPaySandbox.Answer answer = sandbox.handle(request.method(), pathAndQuery, headers, body);
    Response.Builder response =
        new Response.Builder()
            .request(request)
            .protocol(Protocol.HTTP_1_1)
            .code(answer.status())
            .message(answer.status() < 300 ? "OK" : "Error");
    answer.headers().forEach(response::header);
    MediaType type = answer.body().isEmpty() ? null : MediaType.get("application/json");
    return response.body(ResponseBody.create(answer.body().getBytes(), type)).build();
  }
}
