package org.gradphoto.payment.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What an operator does with orders: look them up, reconcile them, refund them. */
public interface OperatorOrdersUseCase {

  Uni<List<OrderSummary>> list(OrderFilter filter);

  /** The reconciliation export: one CSV line per order matching the filter. */
  Uni<String> reconciliationCsv(OrderFilter filter);

  /** Asks WeChat Pay for the order's state now and applies it. */
  Uni<OrderSummary> reconcile(UUID orderId);

  Uni<OrderSummary> refund(RefundCommand command);

  record RefundCommand(UUID orderId, String reason, String operatorId) {}

  /** Every field optional; {@code flagged} keeps only orders with an anomaly. */
  record OrderFilter(
      UUID batchId,
      String schoolCode,
      String state,
      Boolean flagged,
      Instant createdFrom,
      Instant createdTo,
      int limit,
      int offset) {}

  record OrderSummary(
      UUID orderId,
      UUID collectionId,
      UUID studentId,
      UUID batchId,
      String schoolCode,
      long amountFen,
      String state,
      String outTradeNo,
      String transactionId,
      Instant createdAt,
      Instant paidAt,
      Instant closedAt,
      String refundStatus,
      String refundReason,
      Instant refundedAt,
      String anomaly) {}
}
