package org.gradphoto.payment.adapter.out.wechatpay.sandbox;

import java.time.Instant;

/** One refund as the sandbox's WeChat Pay keeps it. */
final class SandboxRefund {
  final String refundId;
  final String outRefundNo;
  final String outTradeNo;
  final String transactionId;
  final long refundFen;
  final long totalFen;
  final String notifyUrl;
  final Instant createdAt;
  String status = "PROCESSING";
  Instant successTime;

  SandboxRefund(
      String refundId,
      String outRefundNo,
      String outTradeNo,
      String transactionId,
      long refundFen,
      long totalFen,
      String notifyUrl,
      Instant createdAt) {
    this.refundId = refundId;
    this.outRefundNo = outRefundNo;
    this.outTradeNo = outTradeNo;
    this.transactionId = transactionId;
    this.refundFen = refundFen;
    this.totalFen = totalFen;
    this.notifyUrl = notifyUrl;
    this.createdAt = createdAt;
  }
}
