package org.gradphoto.payment.adapter.out.wechatpay.sandbox;

import java.time.Instant;

/** One merchant order as the sandbox's WeChat Pay keeps it. */
final class SandboxTrade {
  final String outTradeNo;
  final String appId;
  final String merchantId;
  final String openid;
  final String notifyUrl;
  final String prepayId;
  final Instant expiresAt;
  long totalFen;
  String state = "NOTPAY";
  String transactionId;
  Instant successTime;

  SandboxTrade(
      String outTradeNo,
      String appId,
      String merchantId,
      String openid,
      String notifyUrl,
      String prepayId,
      Instant expiresAt,
      long totalFen) {
    this.outTradeNo = outTradeNo;
    this.appId = appId;
    this.merchantId = merchantId;
    this.openid = openid;
    this.notifyUrl = notifyUrl;
    this.prepayId = prepayId;
    this.expiresAt = expiresAt;
    this.totalFen = totalFen;
  }
}
