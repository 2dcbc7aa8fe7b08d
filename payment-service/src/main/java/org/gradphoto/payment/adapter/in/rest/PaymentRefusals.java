package org.gradphoto.payment.adapter.in.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.web.ProblemMappers;
import org.gradphoto.payment.domain.OrderState;
import org.gradphoto.payment.domain.PaymentRefusal;
import org.gradphoto.payment.domain.PaymentRefusal.Reason;
import org.gradphoto.payment.domain.RefundStatus;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How payment's refusals read: the problem+json answer, and the sentence a student (服务页), an
 * operator (订单与退款) or WeChat Pay (its notifications: a machine, so plain English) gets.
 */
public class PaymentRefusals {

  @ServerExceptionMapper
  public Response refused(PaymentRefusal e, HttpServerRequest request) {
    return ProblemMappers.render(problem(e), request);
  }

  /** The sentence a student reads on the service page when the order cannot be paid now. */
  static String notPayable(Reason reason) {
    return reason == null ? null : problem(new PaymentRefusal(reason)).detail();
  }

  static ProblemException problem(PaymentRefusal e) {
    return switch (e.reason()) {
      case COLLECTION_NOT_FOUND ->
          ProblemException.notFound("COLLECTION_NOT_FOUND", "未找到该采集，或它不属于当前账号");
      case ORDER_NOT_FOUND ->
          ProblemException.notFound("ORDER_NOT_FOUND", "没有找到这个订单 / order not found");
      case ALREADY_PAID -> ProblemException.conflict("ALREADY_PAID", "已支付，无需重复支付；重拍和驳回后重新提交不再收费");
      case REFUNDED -> ProblemException.conflict("REFUNDED", "该采集的费用已退款，如需继续采集请联系学校");
      case FREE -> ProblemException.conflict("FREE", "本批次免费，无需支付");
      case AWAITING_REVIEW ->
          ProblemException.conflict("AWAITING_REVIEW", "本批次在照片审核通过后支付，请先完成拍照并等待审核");
      case OPENID_MISSING ->
          ProblemException.unprocessable("OPENID_MISSING", "无法确认你的微信身份，请在微信小程序内重新登录后再支付");
      case PAYMENT_UNAVAILABLE ->
          new ProblemException(
              503, "PAYMENT_UNAVAILABLE", "Service unavailable", "微信服务暂时不可用，请稍后再试");
      case REFUND_PENDING ->
          new ProblemException(
              503,
              "REFUND_PENDING",
              "Service unavailable",
              "微信服务暂时没有答复：退款已提交，结果以微信支付的通知或查询为准，请稍后刷新");
      case REFUND_REASON_INVALID ->
          ProblemException.invalidField(
              "reason",
              "请填写退款原因，1 到 "
                  + e.fact("max")
                  + " 个字 / a refund needs a reason of 1 to "
                  + e.fact("max")
                  + " characters");
      case NOT_REFUNDABLE -> ProblemException.conflict("NOT_REFUNDABLE", notRefundable(e));
      case REFUND_FAILED ->
          new ProblemException(
              502,
              "REFUND_FAILED",
              "Bad gateway",
              "微信支付拒绝了这笔退款（"
                  + e.fact("errorCode")
                  + "），请核对订单后再试 / WeChat Pay refused the refund: "
                  + e.fact("errorCode"));
      case SIGNATURE_INVALID ->
          new ProblemException(401, "SIGNATURE_INVALID", "Unauthorized", "verification failed");
      case MERCHANT_MISMATCH ->
          ProblemException.badRequest("MERCHANT_MISMATCH", "notification for another merchant");
      case UNKNOWN_ORDER -> ProblemException.badRequest("UNKNOWN_ORDER", "no such order");
      case AMOUNT_MISMATCH ->
          ProblemException.unprocessable(
              "AMOUNT_MISMATCH", "paid amount differs from the order; flagged");
      case REFUND_MISMATCH ->
          ProblemException.unprocessable(
              "REFUND_MISMATCH", "refund number or amount differs from the order's refund");
    };
  }

  private static String notRefundable(PaymentRefusal e) {
    if (e.facts().get("refund") == RefundStatus.PENDING) {
      return "这笔订单的退款正在处理中，请等待微信支付的结果 / a refund of this order is already in progress";
    }
    String state =
        e.facts().get("state") instanceof OrderState s
            ? switch (s) {
              case CREATED -> "待支付";
              case PAID -> "已支付，但还没有微信支付的交易号";
              case CLOSED -> "已关闭";
              case REFUNDED -> "已退款";
            }
            : "";
    return "只有已支付的订单可以退款，这笔订单" + state + " / only a paid order can be refunded";
  }
}
