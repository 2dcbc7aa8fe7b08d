package org.gradphoto.payment.application.service;

import java.time.Instant;
import java.util.List;
import org.gradphoto.kernel.value.Money;
import org.gradphoto.kernel.value.SpreadsheetCells;
import org.gradphoto.payment.application.port.in.OperatorOrdersUseCase.OrderSummary;

/**
 * The reconciliation export: one line per order, amounts in yuan with two decimals and in fen,
 * matched to WeChat Pay's bill by the merchant order number (商户订单号) and transaction id.
 */
final class ReconciliationCsv {
  static final String HEADER =
      "order_id,out_trade_no,transaction_id,collection_id,batch_id,school_code,amount_fen,"
          + "amount_yuan,state,created_at,paid_at,closed_at,refund_status,refunded_at,"
          + "refund_reason,anomaly";

  private ReconciliationCsv() {}

  static String of(List<OrderSummary> orders) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (OrderSummary o : orders) {
      csv.append(
              String.join(
                  ",",
                  o.orderId().toString(),
                  o.outTradeNo(),
                  cell(o.transactionId()),
                  o.collectionId().toString(),
                  o.batchId().toString(),
                  cell(o.schoolCode()),
                  Long.toString(o.amountFen()),
                  Money.ofFen(o.amountFen()).toYuanString(),
                  o.state(),
                  time(o.createdAt()),
                  time(o.paidAt()),
                  time(o.closedAt()),
                  o.refundStatus(),
                  time(o.refundedAt()),
                  cell(o.refundReason()),
                  cell(o.anomaly())))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String time(Instant t) {
    return t == null ? "" : t.toString();
  }

  /** RFC 4180 quoting, and a leading quote against formula injection in spreadsheets. */
  static String cell(String value) {
    return SpreadsheetCells.csv(value);
  }
}
