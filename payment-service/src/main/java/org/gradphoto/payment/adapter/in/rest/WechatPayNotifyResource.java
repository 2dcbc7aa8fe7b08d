package org.gradphoto.payment.adapter.in.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.gradphoto.payment.application.port.in.PaymentNotificationUseCase;
import org.gradphoto.payment.application.port.in.PaymentNotificationUseCase.RawNotification;
import org.gradphoto.payment.domain.PaymentRefusal;

/**
 * WeChat Pay's callbacks. Open to anyone on the network: the platform signature, checked before
 * anything else, is what proves the sender. 204 acknowledges; any 4xx/5xx makes WeChat Pay retry.
 */
@Path("/wechatpay")
@PermitAll
public class WechatPayNotifyResource {
  private final PaymentNotificationUseCase notifications;
  private final MeterRegistry metrics;

  WechatPayNotifyResource(PaymentNotificationUseCase notifications, MeterRegistry metrics) {
    this.notifications = notifications;
    this.metrics = metrics;
  }

  @POST
  @Path("/notify")
  @Consumes(MediaType.WILDCARD)
  public Uni<Response> payment(HttpHeaders headers, String body) {
    return counted("payment", () -> notifications.paymentNotified(raw(headers, body)));
  }

  @POST
  @Path("/refund-notify")
  @Consumes(MediaType.WILDCARD)
  public Uni<Response> refund(HttpHeaders headers, String body) {
    return counted("refund", () -> notifications.refundNotified(raw(headers, body)));
  }

  /** Counts refusals by their code, so forged or mismatching notifications can raise alerts. */
  private Uni<Response> counted(String kind, Supplier<Uni<? extends Void>> handling) {
    return Uni.createFrom()
        .<Void>deferred(handling)
        .onFailure(PaymentRefusal.class)
        .invoke(
            e ->
                metrics
                    .counter(
                        "payment.notifications.refused",
                        "kind",
                        kind,
                        "code",
                        ((PaymentRefusal) e).reason().name())
                    .increment())
        .replaceWith(Response.noContent().build());
  }

  private static RawNotification raw(HttpHeaders headers, String body) {
    Map<String, String> h = new HashMap<>();
    headers
        .getRequestHeaders()
        .forEach((name, values) -> h.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    return new RawNotification(h, body == null ? "" : body);
  }
}
