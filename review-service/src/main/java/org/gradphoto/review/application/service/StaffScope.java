package org.gradphoto.review.application.service;

import java.util.Set;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.security.Actor;

/**
 * Who may do what here. Reviewers and school admins act for the schools in their token; operators
 * for all. Reviewers and operators decide; school admins follow progress and read the audit.
 */
final class StaffScope {
  private StaffScope() {}

  /** The schools a query covers: null means all (operators without a school filter). */
  static Set<String> schools(Actor actor, String requested) {
    if (requested != null && !requested.isBlank()) {
      requireRead(actor, requested);
      return Set.of(requested);
    }
    return actor.isOperator() ? null : actor.schools();
  }

  static void requireRead(Actor actor, String schoolCode) {
    boolean staff = actor.is(Actor.REVIEWER) || actor.is(Actor.SCHOOL_ADMIN) || actor.isOperator();
    if (!staff || schoolCode == null || !actor.mayActFor(schoolCode)) {
      throw notYours();
    }
  }

  static void requireReview(Actor actor, String schoolCode) {
    requireRead(actor, schoolCode);
    requireReviewerRole(actor);
  }

  static void requireReviewerRole(Actor actor) {
    if (!actor.is(Actor.REVIEWER) && !actor.isOperator()) {
      throw ProblemException.forbidden(
          "NOT_A_REVIEWER", "只有审核员可以认领和审核照片 / only reviewers decide photos");
    }
  }

  static void requireOperator(Actor actor) {
    if (!actor.isOperator()) {
      throw ProblemException.forbidden(
          "NOT_AN_OPERATOR", "只有运营人员可以重新打开审核结果 / only an operator can reopen a decision");
    }
  }

  static ProblemException notYours() {
    return ProblemException.forbidden(
        "NOT_YOUR_SCHOOL", "您无权查看或审核该学校的照片 / this school is not one of yours");
  }
}
