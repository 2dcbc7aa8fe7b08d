package org.gradphoto.payment.adapter.out.wechatpay;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** The port this service listens on, for the sandbox's notifications to reach it. */
@ApplicationScoped
class LocalServer {
  private volatile int port;

  void started(@Observes HttpServerStart start) {
    port = start.options().getPort();
  }

  String baseUrl() {
    int p = port;
    if (p <= 0) {
      Optional<Integer> test =
          ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class);
      p =
          test.filter(t -> t > 0)
              .orElseGet(
                  () ->
                      ConfigProvider.getConfig()
                          .getOptionalValue("quarkus.http.port", Integer.class)
                          .orElse(8080));
    }
    return "http://127.0.0.1:" + p;
  }
}
