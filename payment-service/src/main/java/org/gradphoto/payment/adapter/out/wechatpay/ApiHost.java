package org.gradphoto.payment.adapter.out.wechatpay;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;

/**
 * Sends the SDK's requests to another WeChat Pay host (the local WeChat). Only scheme, host and
 * port change: the path and query the SDK signed stay as they are, so signing, answer verification
 * and decryption are the SDK's own code against any host.
 */
final class ApiHost {
  private ApiHost() {}

  static Interceptor to(String baseUrl) {
    HttpUrl target = HttpUrl.get(baseUrl);
    return chain -> {
      HttpUrl url =
          chain
              .request()
              .url()
              .newBuilder()
              .scheme(target.scheme())
              .host(target.host())
              .port(target.port())
              .build();
      return chain.proceed(chain.request().newBuilder().url(url).build());
    };
  }
}
