package org.gradphoto.payment.application.service;

import org.gradphoto.kernel.error.ProblemException;

/** The refusals students and operators read, in one place so their wording stays consistent. */
final class Problems {
  private Problems() {}

  static ProblemException collectionNotFound() {
    return ProblemException.notFound("COLLECTION_NOT_FOUND", "未找到该采集，或它不属于当前账号");
  }

  static ProblemException orderNotFound() {
    return ProblemException.notFound("ORDER_NOT_FOUND", "order not found");
  }

  static ProblemException paymentUnavailable() {
    return new ProblemException(
        503, "PAYMENT_UNAVAILABLE", "Service unavailable", "微信服务暂时不可用，请稍后再试");
  }

  static ProblemException refundPending() {
    return new ProblemException(
        503, "REFUND_PENDING", "Service unavailable", "微信服务暂时没有答复：退款已提交，结果以微信支付的通知或查询为准，请稍后刷新");
  }

  static ProblemException openidMissing() {
    return ProblemException.unprocessable("OPENID_MISSING", "无法确认你的微信身份，请在微信小程序内重新登录后再支付");
  }
}
