package org.gradphoto.payment.adapter.in.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.security.Actors;
import org.gradphoto.payment.application.port.in.OperatorOrdersUseCase;
import org.gradphoto.payment.application.port.in.OperatorOrdersUseCase.OrderFilter;
import org.gradphoto.payment.application.port.in.OperatorOrdersUseCase.OrderSummary;
import org.gradphoto.payment.application.port.in.OperatorOrdersUseCase.RefundCommand;

/** Orders for operators: per batch with filters, the reconciliation export, refunds. */
@Path("/operator/orders")
@RolesAllowed("operator")
public class OperatorOrdersResource {
  private static final int MAX_PAGE = 500;
  private static final int MAX_EXPORT = 50_000;

  private final OperatorOrdersUseCase orders;
  private final SecurityIdentity identity;

  OperatorOrdersResource(OperatorOrdersUseCase orders, SecurityIdentity identity) {
    this.orders = orders;
    this.identity = identity;
  }

  /** {@code state}: CREATED, PAID, CLOSED or REFUNDED; {@code flagged=true}: anomalies only. */
  @GET
  public Uni<List<OrderSummary>> list(
      @QueryParam("batchId") UUID batchId,
      @QueryParam("schoolCode") String schoolCode,
      @QueryParam("state") String state,
      @QueryParam("flagged") Boolean flagged,
      @QueryParam("createdFrom") Instant createdFrom,
      @QueryParam("createdTo") Instant createdTo,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset) {
    int size = limit == null ? 100 : limit;
    if (size < 1 || size > MAX_PAGE) {
      throw ProblemException.invalidField("limit", "limit must be 1.." + MAX_PAGE);
    }
    return orders.list(
        filter(batchId, schoolCode, state, flagged, createdFrom, createdTo, size, offset));
  }

  /** The reconciliation export (UTF-8 CSV with a BOM so spreadsheets read the Chinese). */
  @GET
  @Path("/export.csv")
  @Produces("text/csv")
  public Uni<Response> export(
      @QueryParam("batchId") UUID batchId,
      @QueryParam("schoolCode") String schoolCode,
      @QueryParam("state") String state,
      @QueryParam("createdFrom") Instant createdFrom,
      @QueryParam("createdTo") Instant createdTo) {
    return orders
        .reconciliationCsv(
            filter(batchId, schoolCode, state, null, createdFrom, createdTo, MAX_EXPORT, 0))
        .map(
            csv ->
                Response.ok("\uFEFF" + csv, "text/csv; charset=UTF-8")
                    .header(
                        "Content-Disposition",
                        "attachment; filename=\"payment-orders"
                            + (batchId == null ? "" : "-" + batchId)
                            + ".csv\"")
                    .build());
  }

  @POST
  @Path("/{orderId}/reconcile")
  public Uni<OrderSummary> reconcile(@PathParam("orderId") UUID orderId) {
    return orders.reconcile(orderId);
  }

  @POST
  @Path("/{orderId}/refund")
  public Uni<OrderSummary> refund(@PathParam("orderId") UUID orderId, @Valid RefundRequest body) {
    return orders.refund(new RefundCommand(orderId, body.reason(), Actors.of(identity).id()));
  }

  /** Why the money goes back; WeChat Pay shows it to the payer (at most 80 characters). */
  public record RefundRequest(@NotBlank @Size(max = 80) String reason) {}

  private static OrderFilter filter(
      UUID batchId,
      String schoolCode,
      String state,
      Boolean flagged,
      Instant from,
      Instant to,
      int limit,
      Integer offset) {
    if (state != null && !List.of("CREATED", "PAID", "CLOSED", "REFUNDED").contains(state)) {
      throw ProblemException.invalidField(
          "state", "state must be CREATED, PAID, CLOSED or REFUNDED");
    }
    int start = offset == null ? 0 : offset;
    if (start < 0) {
      throw ProblemException.invalidField("offset", "offset cannot be negative");
    }
    return new OrderFilter(batchId, schoolCode, state, flagged, from, to, limit, start);
  }
}
