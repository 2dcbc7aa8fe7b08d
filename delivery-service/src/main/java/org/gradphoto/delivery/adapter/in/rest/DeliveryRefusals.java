package org.gradphoto.delivery.adapter.in.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.gradphoto.delivery.domain.CollectionStatus;
import org.gradphoto.delivery.domain.DeliveryRefusal;
import org.gradphoto.delivery.domain.PackageStatus;
import org.gradphoto.delivery.domain.SheetSize;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.web.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How delivery's refusals read: the problem+json answer, and the sentence a student (下载图片) or a
 * school admin (学校照片包) sees.
 */
public class DeliveryRefusals {

  @ServerExceptionMapper
  public Response refused(DeliveryRefusal e, HttpServerRequest request) {
    return ProblemMappers.render(problem(e), request);
  }

  static ProblemException problem(DeliveryRefusal e) {
    return switch (e.reason()) {
      case NOTHING_TO_DELIVER ->
          ProblemException.conflict("NOTHING_TO_DELIVER", "这个批次还没有学生完成照片采集，暂时不能生成照片包，请稍后再试。");
      case PACKAGE_NOT_READY ->
          ProblemException.conflict(
              "PACKAGE_NOT_READY", notReady((PackageStatus) e.facts().get("status")));
      case SCHOOL_NOT_ALLOWED -> ProblemException.forbidden("SCHOOL_NOT_ALLOWED", "您只能为账号所属的学校操作。");
      case READ_ONLY_ACCOUNT -> ProblemException.readOnlyAccount();
      case PACKAGE_NOT_FOUND -> ProblemException.notFound("PACKAGE_NOT_FOUND", "没有找到这个照片包。");
      case LAYOUT_SHEET_UNAVAILABLE ->
          ProblemException.notFound(
              "LAYOUT_SHEET_UNAVAILABLE",
              "这张照片放不进" + ((SheetSize) e.facts().get("sheet")).label() + "排版纸，请选择其他尺寸。");
      case COLLECTION_NOT_FOUND -> ProblemException.notFound("COLLECTION_NOT_FOUND", "没有找到这条采集记录。");
      case PHOTO_NOT_READY ->
          ProblemException.conflict(
              "PHOTO_NOT_READY",
              "采集完成后才能下载照片，当前状态：" + ((CollectionStatus) e.facts().get("status")).label() + "。");
    };
  }

  private static String notReady(PackageStatus status) {
    return status == PackageStatus.FAILED ? "照片包生成失败，不能下载，请重新生成照片包。" : "照片包正在生成，还不能下载，请稍后再试。";
  }
}
