package org.gradphoto.review.adapter.in.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.web.ProblemMappers;
import org.gradphoto.review.domain.ReviewRefusal;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** How review's refusals read: the problem+json answer and the sentence staff see. */
public class ReviewRefusals {

  @ServerExceptionMapper
  public Response refused(ReviewRefusal e, HttpServerRequest request) {
    return ProblemMappers.render(problem(e), request);
  }

  static ProblemException problem(ReviewRefusal e) {
    return switch (e.reason()) {
      case TASK_CLAIMED ->
          ProblemException.conflict(
              "TASK_CLAIMED", "另一位审核员正在审核这张照片 / another reviewer holds this task");
      case NOT_CLAIMED ->
          ProblemException.conflict(
              "NOT_CLAIMED",
              e.facts().containsKey("deciding")
                  ? "请先认领这张照片 / claim the task before deciding it"
                  : "您没有认领这张照片 / you do not hold a claim on this task");
      case LEASE_EXPIRED ->
          ProblemException.conflict(
              "LEASE_EXPIRED", "认领已过期，请重新认领后再审核 / your claim expired, claim the task again");
      case TASK_DECIDED ->
          ProblemException.conflict(
              "TASK_DECIDED", "这张照片已有审核结果，只有运营人员可以重新打开 / the task is already decided");
      case TASK_SUPERSEDED ->
          ProblemException.conflict(
              "TASK_SUPERSEDED", "学生已提交了新的照片 / a newer photo replaced this one");
      case TASK_WITHDRAWN ->
          ProblemException.conflict(
              "TASK_WITHDRAWN", "学生已撤回这张照片，无需审核 / the student withdrew this photo");
      case ALREADY_CLAIMED ->
          ProblemException.conflict("ALREADY_CLAIMED", "审核员已开始审核，不能撤回。请耐心等待审核结果。");
      case NOTHING_TO_WITHDRAW ->
          ProblemException.conflict("NOTHING_TO_WITHDRAW", "没有正在等待审核的照片，无需撤回。");
      case NOT_DECIDED ->
          ProblemException.conflict("NOT_DECIDED", "这张照片还没有审核结果 / the task is not decided");
      case COLLECTION_COMPLETED ->
          ProblemException.conflict(
              "COLLECTION_COMPLETED", "采集已完成，不能重新打开审核结果 / the collection is already complete");
      case NEWER_PHOTO ->
          ProblemException.conflict(
              "NEWER_PHOTO", "学生已提交了新的照片，不能重新打开旧的审核结果 / a newer photo exists");
      case REJECT_WITHOUT_REASON ->
          ProblemException.invalidField("reasons", "驳回时至少选择一条原因 / give at least one reason");
      case PASS_WITH_REASONS ->
          ProblemException.invalidField("reasons", "通过时不需要原因 / a pass takes no reasons");
      case UNKNOWN_REASON ->
          ProblemException.invalidField(
              "reasons", "未知的原因 / unknown reason " + e.facts().get("code"));
      case OTHER_WITHOUT_TEXT ->
          ProblemException.invalidField(
              "reasons",
              "选择“其他”时请填写 1–"
                  + e.facts().get("maxLength")
                  + " 字的说明 / OTHER needs a text of 1–"
                  + e.facts().get("maxLength")
                  + " characters");
      case NO_OUTCOME ->
          ProblemException.invalidField("outcome", "请选择通过或驳回 / outcome must be PASS or REJECT");
      case REOPEN_WITHOUT_REASON ->
          ProblemException.invalidField("reason", "请填写重新打开的原因 / give the reason for reopening");
      case NOTE_TOO_LONG ->
          ProblemException.invalidField(
              "note", "说明太长 / text longer than " + e.facts().get("maxLength"));
      case TASK_NOT_FOUND ->
          ProblemException.notFound("TASK_NOT_FOUND", "找不到这条审核任务 / no such review task");
      case COLLECTION_NOT_FOUND ->
          ProblemException.notFound("COLLECTION_NOT_FOUND", "找不到这个采集 / no such collection");
      case NOT_A_REVIEWER ->
          ProblemException.forbidden(
              "NOT_A_REVIEWER", "只有审核员可以认领和审核照片 / only reviewers decide photos");
      case NOT_AN_OPERATOR ->
          ProblemException.forbidden(
              "NOT_AN_OPERATOR", "只有运营人员可以重新打开审核结果 / only an operator can reopen a decision");
      case NOT_YOUR_SCHOOL ->
          ProblemException.forbidden(
              "NOT_YOUR_SCHOOL", "您无权查看或审核该学校的照片 / this school is not one of yours");
    };
  }
}
