package org.gradphoto.identity.adapter.in.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.gradphoto.identity.domain.CollectionWindow;
import org.gradphoto.identity.domain.IdentityRefusal;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.web.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How identity's refusals read: the problem+json answer, and the sentence a student (获取采集资格, 登录) or
 * a school's staff (院校、批次、名单) sees. A refusal of one input names its field.
 */
public class IdentityRefusals {
  /** The same words for every way of not finding the student, so none tells more than another. */
  static final String NO_MATCH = "未匹配到采集信息，请联系学院核实信息";

  /** The batch settings' names as the batch settings page shows them. */
  private static final Map<String, String> LABELS =
      Map.of(
          "notice", "批次通知",
          "shootingRequirements", "拍摄要求",
          "serviceDescription", "服务内容",
          "reviewPromiseText", "审核时限说明",
          "supportHours", "客服时间",
          "supportPhone", "客服电话");

  @ServerExceptionMapper
  public Response refused(IdentityRefusal e, HttpServerRequest request) {
    return ProblemMappers.render(problem(e), request);
  }

  static ProblemException problem(IdentityRefusal e) {
    return switch (e.reason()) {
      case READ_ONLY_ACCOUNT -> ProblemException.readOnlyAccount();
      case SCHOOL_NOT_YOURS ->
          ProblemException.forbidden("SCHOOL_NOT_YOURS", "没有管理该学校（" + e.fact("school") + "）的权限");
      case OPERATOR_ONLY -> ProblemException.forbidden("OPERATOR_ONLY", "只有平台运营人员可以执行此操作");
      case NO_SUCH_SCHOOL -> ProblemException.notFound("NO_SUCH_SCHOOL", "没有这所学校");
      case NO_SUCH_BATCH -> ProblemException.notFound("NO_SUCH_BATCH", "没有这个采集批次");
      case BATCH_SCHOOL_FIXED -> field("schoolCode", "批次不能转到其他学校");
      case SCHOOL_NAME_INVALID -> field("name", "院校名称不能为空，且不超过100个字");
      case BATCH_NAME_MISSING -> field("name", "请填写批次名称");
      case PRICE_NEGATIVE -> field("priceFen", "价格不能为负数");
      case NO_ELIGIBILITY_MODE -> field("modes", "至少开通一种获取采集资格的方式");
      case REVIEW_PROMISE_UNKNOWN -> field("reviewPromise", "审核时限只能是 PT24H 或 P2WD");
      case SPEC_PROFILE_MISSING -> field("specProfile", "请选择照片规格");
      case NO_BACKGROUND_COLOUR -> field("backgroundColours", "至少允许一种背景色");
      case UPLOAD_MIN_NEGATIVE -> field("uploadMinBytes", "上传大小下限不能为负数");
      case UPLOAD_MAX_NOT_ABOVE_MIN -> field("uploadMaxBytes", "上传大小上限必须大于下限");
      case UPLOAD_MAX_TOO_LARGE ->
          field(
              "uploadMaxBytes",
              "上传大小上限不能超过" + megabytes(e.fact("max")) + "MB（" + e.fact("max") + "字节）");
      case UPLOAD_MAX_TOO_SMALL ->
          field("uploadMaxBytes", "上传大小上限不能低于" + kilobytes(e.fact("min")) + "KB，否则照片达不到规格要求的清晰度");
      case SIGN_UP_OPENS_AFTER_SHOOTING -> field("signUpOpensAt", "报名缴费的开始时间不能晚于拍摄开始时间");
      case SIGN_UP_CLOSES_AFTER_SHOOTING -> field("signUpClosesAt", "报名缴费的截止时间不能晚于拍摄结束时间");
      case TEXT_TOO_LONG ->
          field(
              e.fact("field"),
              LABELS.getOrDefault(e.fact("field"), e.fact("field"))
                  + "不能超过"
                  + e.fact("max")
                  + "个字");
      case SUPPORT_PHONE_INVALID ->
          field("supportPhone", "客服电话只能由数字和“-”组成，例如 010-12345678 或 13800138000");
      case WINDOW_NOT_ORDERED ->
          e.fact("field").isEmpty()
              ? ProblemException.badRequest("INVALID_INPUT", "开始时间必须早于结束时间")
              : field(e.fact("field"), "开始时间必须早于结束时间");
      case EMPTY_ROSTER -> ProblemException.badRequest("EMPTY_ROSTER", "文件中没有学生数据行");
      case ROSTER_TOO_LARGE ->
          ProblemException.badRequest("ROSTER_TOO_LARGE", "一次最多导入" + e.fact("max") + "行，请拆分文件后再导入");
      case UNBIND_REASON_INVALID -> field("reason", "请填写解除绑定的原因（1–" + e.fact("max") + "字）");
      case NOT_BOUND -> ProblemException.notFound("NOT_BOUND", "该学籍信息未绑定微信账号");
      case COLLECTION_NOT_FOUND -> ProblemException.notFound("COLLECTION_NOT_FOUND", "没有找到这条采集记录");
      case LOGIN_CODE_MISSING -> field("code", "缺少微信登录凭证 code");
      case WECHAT_LOGIN_FAILED ->
          new ProblemException(
              401, "WECHAT_LOGIN_FAILED", "WeChat login failed", "微信登录失败，请重新进入小程序后再试");
      case SCHOOL_MISSING -> field("schoolCode", "请选择所在院校");
      case NAME_MISSING -> field("name", "请填写姓名");
      case CHSI_CODE_MISSING -> field("chsiCode", "请先扫描或识别学信网图像采集码");
      case PHONE_CODE_MISSING -> field("phoneCode", "请授权微信绑定的手机号");
      case ID_LAST_FOUR_INVALID -> field("idLastFour", "请输入证件号码后四位");
      case ID_TYPE_MISSING -> field("idType", "请选择证件类型");
      case ID_NUMBER_INVALID ->
          field("idNumber", e.fact("why").isBlank() ? "证件号码格式不正确，请核对后重新输入" : e.fact("why"));
      case CHSI_IMAGE_MISSING -> field("image", "请选择学信网图像采集码的图片");
      case NO_CODE_FOUND ->
          ProblemException.unprocessable("NO_CODE_FOUND", "未能从图片中识别出学信网图像采集码，请换一张清晰的截图或直接扫码");
      case PHONE_NOT_AUTHORISED ->
          ProblemException.badRequest("PHONE_NOT_AUTHORISED", "手机号授权失败，请重新授权");
      case MATCH_EXPIRED -> ProblemException.notFound("MATCH_EXPIRED", "确认信息已过期，请重新填写校验信息");
      case TOO_MANY_ATTEMPTS ->
          new ProblemException(
              429,
              "TOO_MANY_ATTEMPTS",
              "Too many attempts",
              "尝试次数过多，请1小时后再试；如信息无误仍无法匹配，请联系学院核实信息",
              List.of(),
              Map.of("retryAfterSeconds", e.facts().get("retryAfterSeconds")));
      case NO_MATCH -> ProblemException.notFound("NO_MATCH", NO_MATCH);
      case OUTSIDE_WINDOW -> outsideWindow((CollectionWindow) e.facts().get("signUp"));
      case MODE_NOT_OFFERED ->
          ProblemException.unprocessable("MODE_NOT_OFFERED", "该采集批次未开通此方式获取采集资格，请按学校通知的方式操作");
    };
  }

  private static ProblemException field(String name, String message) {
    return ProblemException.invalidField(name, message);
  }

  private static ProblemException outsideWindow(CollectionWindow signUp) {
    return new ProblemException(
        422,
        "OUTSIDE_WINDOW",
        "Outside the collection window",
        "当前不在报名时间内，不能获取采集资格。报名缴费时间：" + signUp.describe(),
        List.of(),
        Map.of("opensAt", signUp.opensAt().toString(), "closesAt", signUp.closesAt().toString()));
  }

  private static String megabytes(String bytes) {
    return Long.toString(Long.parseLong(bytes) / 1_000_000);
  }

  private static String kilobytes(String bytes) {
    return Long.toString(Long.parseLong(bytes) / 1_000);
  }
}
