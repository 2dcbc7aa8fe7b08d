package org.gradphoto.capture.adapter.in.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gradphoto.capture.domain.CaptureRefusal;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.web.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How capture's refusals read: the problem+json answer, the sentence the student (or staff) sees,
 * and {@code Retry-After} where trying again later will work.
 */
public class CaptureRefusals {

  @ServerExceptionMapper
  public Response refused(CaptureRefusal e, HttpServerRequest request) {
    Response answer = ProblemMappers.render(problem(e), request);
    Object retryAfter = e.facts().get("retryAfterSeconds");
    return retryAfter == null
        ? answer
        : Response.fromResponse(answer).header("Retry-After", retryAfter).build();
  }

  static ProblemException problem(CaptureRefusal e) {
    return switch (e.reason()) {
      case PAYMENT_REQUIRED ->
          new ProblemException(402, "PAYMENT_REQUIRED", "Payment required", e.fact("nextStep"));
      case NOT_ELIGIBLE -> ProblemException.conflict("NOT_ELIGIBLE", e.fact("nextStep"));
      case CAPTURE_WINDOW_CLOSED ->
          ProblemException.conflict("CAPTURE_WINDOW_CLOSED", e.fact("nextStep"));
      case CAPTURE_NOT_OPEN_YET ->
          ProblemException.conflict("CAPTURE_NOT_OPEN_YET", e.fact("nextStep"));
      case UNDER_REVIEW ->
          ProblemException.conflict("UNDER_REVIEW", "照片正在审核中，审核结果出来之前不能上传或提交新的照片。");
      case PHOTO_LOCKED ->
          ProblemException.conflict(
              "PHOTO_LOCKED", "照片已通过审核并锁定（" + e.fact("nextStep") + "），不能再上传或修改照片。");
      case FILE_SIZE_NOT_ALLOWED ->
          ProblemException.unprocessable(
              "FILE_SIZE_NOT_ALLOWED",
              "照片文件大小为 "
                  + size(e, "bytes")
                  + "，本批次要求在 "
                  + size(e, "minBytes")
                  + " 到 "
                  + size(e, "maxBytes")
                  + " 之间，请上传手机相机拍摄的原图。");
      case BACKGROUND_NOT_ALLOWED ->
          ProblemException.invalidField(
              "background",
              "本批次只允许这些背景色："
                  + ((List<?>) e.facts().get("allowed"))
                      .stream().map(String::valueOf).collect(Collectors.joining("、"))
                  + "，请重新选择。");
      case CROP_HINT_OUTSIDE ->
          ProblemException.invalidField("cropHint", "取景框超出了照片范围，请重新调整取景框（x、y、宽、高为 0–1 之间的比例）。");
      case ATTEMPT_HAS_NO_PHOTO ->
          ProblemException.unprocessable(
              "ATTEMPT_HAS_NO_PHOTO", "这次上传没有生成标准照（见检测结果的提示），不能提交。请按提示重新拍摄后再提交。");
      case ATTEMPT_HAS_REJECT_FINDINGS ->
          ProblemException.unprocessable(
              "ATTEMPT_HAS_REJECT_FINDINGS", "这张照片没有通过自动检测，不能提交。请按检测结果的提示重拍后再提交。");
      case PHOTO_EMPTY -> ProblemException.badRequest("PHOTO_EMPTY", "上传的照片文件是空的，请重新选择照片。");
      // The engine words its own refusals (the checks a student can act on), in Chinese.
      case PHOTO_REJECTED ->
          ProblemException.unprocessable("PHOTO_" + e.fact("code"), e.fact("message"));
      case NOTHING_TO_ADJUST ->
          ProblemException.badRequest("NOTHING_TO_ADJUST", "请给出新的取景框（cropHint）或背景色（background）。");
      case ATTEMPT_LOCKED -> ProblemException.conflict("ATTEMPT_LOCKED", "这张照片已提交审核，不能再调整。");
      case ORIGINAL_EXPIRED ->
          new ProblemException(
              410, "ORIGINAL_EXPIRED", "Original expired", "这张照片的原图已超过保存期限，无法再调整取景或背景。请重新上传一张照片。");
      case ORIGINAL_NOT_STORED ->
          new ProblemException(
              410,
              "ORIGINAL_NOT_STORED",
              "Original not stored",
              "这张照片的原图没有保存成功，不能提交或调整。请重新上传这张照片。");
      case COLLECTION_NOT_FOUND ->
          ProblemException.notFound("COLLECTION_NOT_FOUND", "没有找到这个采集项目，或它不属于当前登录的账号。请返回采集列表重新选择。");
      case ATTEMPT_NOT_FOUND -> ProblemException.notFound("ATTEMPT_NOT_FOUND", "没有找到这张照片，请刷新后重试。");
      case STAFF_ONLY -> ProblemException.forbidden("STAFF_ONLY", "只有审核人员、学校管理员和运营人员可以查看。");
      case SCHOOL_NOT_ALLOWED ->
          ProblemException.forbidden("SCHOOL_NOT_ALLOWED", "这张照片属于您无权管理的学校。");
      case STANDARDIZER_STARTING -> tryLater(503, "Service busy", e, "照片处理服务正在启动，请稍等几秒后重新上传。");
      case STANDARDIZER_BUSY ->
          tryLater(
              503,
              "Service busy",
              e,
              "当前上传的人太多，照片处理排队已满，请 " + e.fact("retryAfterSeconds") + " 秒后重新上传（照片没有保存）。");
      case UPLOAD_LIMIT_REACHED ->
          tryLater(
              429,
              "Too many uploads",
              e,
              "这个账号一小时内最多上传 " + e.fact("perHour") + " 张照片，已达上限。请 " + minutes(e) + " 分钟后再上传。");
    };
  }

  /** Not now: the answer names the wait ({@code retryAfterSeconds}), as the header does. */
  private static ProblemException tryLater(
      int status, String title, CaptureRefusal e, String detail) {
    return new ProblemException(
        status,
        e.reason().name(),
        title,
        detail,
        List.of(),
        Map.of("retryAfterSeconds", e.facts().get("retryAfterSeconds")));
  }

  private static long minutes(CaptureRefusal e) {
    long seconds = ((Number) e.facts().get("retryAfterSeconds")).longValue();
    return (seconds + 59) / 60;
  }

  private static String size(CaptureRefusal e, String fact) {
    long bytes = ((Number) e.facts().get(fact)).longValue();
    return bytes >= 1024 * 1024
        ? String.format("%.1f MB", bytes / (1024.0 * 1024))
        : (bytes / 1024) + " KB";
  }
}
