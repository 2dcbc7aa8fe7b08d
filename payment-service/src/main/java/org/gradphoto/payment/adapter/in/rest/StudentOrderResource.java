package org.gradphoto.payment.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gradphoto.kernel.security.Actors;
import org.gradphoto.kernel.value.Money;
import org.gradphoto.payment.application.port.in.StudentPaymentUseCase;
import org.gradphoto.payment.application.port.in.StudentPaymentUseCase.OrderView;
import org.gradphoto.payment.application.port.in.StudentPaymentUseCase.PayCommand;
import org.gradphoto.payment.application.port.in.StudentPaymentUseCase.PaymentRequest;

/** The student's service page: the order of one of their collections, and paying it. */
@Path("/collections/{collectionId}/order")
@RolesAllowed("student")
public class StudentOrderResource {
  /** Claim of the student token with the WeChat openid (see identity-service). */
  static final String OPENID_CLAIM = "openid";

  private final StudentPaymentUseCase payments;
  private final SecurityIdentity identity;

  StudentOrderResource(StudentPaymentUseCase payments, SecurityIdentity identity) {
    this.payments = payments;
    this.identity = identity;
  }

  @GET
  public Uni<OrderResponse> order(@PathParam("collectionId") UUID collectionId) {
    return payments.viewOrder(studentId(), collectionId).map(OrderResponse::of);
  }

  /** Returns the parameters to hand to {@code wx.requestPayment} as they are. */
  @POST
  @Path("/pay")
  public Uni<RequestPaymentResponse> pay(@PathParam("collectionId") UUID collectionId) {
    String openid = null;
    if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(OPENID_CLAIM) != null) {
      openid = jwt.getClaim(OPENID_CLAIM).toString().replace("\"", "");
    }
    return payments
        .pay(new PayCommand(studentId(), openid, collectionId))
        .map(RequestPaymentResponse::of);
  }

  private UUID studentId() {
    return UUID.fromString(Actors.of(identity).id());
  }

  public record OrderResponse(
      UUID collectionId,
      UUID orderId,
      long amountFen,
      String amountYuan,
      String paymentPolicy,
      String state,
      boolean payable,
      String notPayableCode,
      String notPayableReason,
      Instant paidAt) {
    static OrderResponse of(OrderView v) {
      return new OrderResponse(
          v.collectionId(),
          v.orderId(),
          v.amountFen(),
          Money.ofFen(v.amountFen()).toYuanString(),
          v.paymentPolicy(),
          v.state(),
          v.payable(),
          v.notPayable() == null ? null : v.notPayable().name(),
          PaymentRefusals.notPayable(v.notPayable()),
          v.paidAt());
    }
  }

  public record RequestPaymentResponse(
      UUID orderId,
      long amountFen,
      String appId,
      String timeStamp,
      String nonceStr,
      @JsonProperty("package") String packageValue,
      String signType,
      String paySign) {
    static RequestPaymentResponse of(PaymentRequest r) {
      return new RequestPaymentResponse(
          r.orderId(),
          r.amountFen(),
          r.appId(),
          r.timeStamp(),
          r.nonceStr(),
          r.packageValue(),
          r.signType(),
          r.paySign());
    }
  }
}
