package org.gradphoto.payment.adapter.out.wechatpay.sandbox;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.payment.adapter.out.wechatpay.Payers;
import org.gradphoto.payment.config.WechatPaySettings;
import org.gradphoto.payment.domain.Order;

/**
 * The sandbox's stand-in for the WeChat cashier, for the H5 app and tests: what the student does in
 * WeChat after {@code wx.requestPayment}. Exists only in sandbox mode. Paying makes the sandbox
 * send signed notifications to the service's real notification endpoint.
 */
@Path("/sandbox/orders/{orderId}")
@RolesAllowed("student")
public class SandboxWalletResource {
  private final WechatPaySandbox sandbox;
  private final WechatPaySettings settings;
  private final SecurityIdentity identity;

  SandboxWalletResource(
      WechatPaySandbox sandbox, WechatPaySettings settings, SecurityIdentity identity) {
    this.sandbox = sandbox;
    this.settings = settings;
    this.identity = identity;
  }

  /**
   * Pays the order. {@code notifications}: how many times WeChat Pay notifies (0: the notification
   * is lost); {@code delaySeconds}: how late; {@code reportedAmountFen}: pay a different amount.
   */
  @POST
  @Path("/succeed")
  public SandboxResult succeed(
      @PathParam("orderId") UUID orderId,
      @QueryParam("notifications") @DefaultValue("1") int notifications,
      @QueryParam("delaySeconds") @DefaultValue("0") int delaySeconds,
      @QueryParam("reportedAmountFen") Long reportedAmountFen) {
    requireSandbox();
    if (notifications < 0 || notifications > 20 || delaySeconds < 0 || delaySeconds > 600) {
      throw ProblemException.badRequest(
          "INVALID_SCRIPT", "notifications must be 0..20 and delaySeconds 0..600");
    }
    try {
      sandbox.pay(
          Order.outTradeNoOf(orderId),
          payer(),
          new WechatPaySandbox.PaymentScript(
              notifications, Duration.ofSeconds(delaySeconds), reportedAmountFen));
    } catch (WechatPaySandbox.SandboxRefusal e) {
      throw new ProblemException(e.status(), e.code(), "Refused by WeChat Pay", e.getMessage());
    }
    return new SandboxResult(orderId, "SUCCESS");
  }

  /** The payment fails in WeChat (no notification is sent). */
  @POST
  @Path("/fail")
  public SandboxResult fail(@PathParam("orderId") UUID orderId) {
    requireSandbox();
    try {
      sandbox.fail(Order.outTradeNoOf(orderId), payer());
    } catch (WechatPaySandbox.SandboxRefusal e) {
      throw new ProblemException(e.status(), e.code(), "Refused by WeChat Pay", e.getMessage());
    }
    return new SandboxResult(orderId, "PAYERROR");
  }

  public record SandboxResult(UUID orderId, String tradeState) {}

  private String payer() {
    JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
    return Payers.openid(jwt)
        .orElseGet(() -> Payers.sandboxOpenid(UUID.fromString(jwt.getSubject())));
  }

  private void requireSandbox() {
    if (!settings.sandbox()) {
      throw ProblemException.notFound("NOT_FOUND", "the sandbox is off");
    }
  }
}
