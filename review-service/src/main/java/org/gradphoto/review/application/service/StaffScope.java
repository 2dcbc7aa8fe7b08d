package org.gradphoto.review.application.service;

import java.util.Set;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.review.domain.ReviewRefusal;

/**
 * Who may do what here. Reviewers and school staff act for the schools in their token; operators
 * for all. Reviewers and operators decide; school admins and read-only school accounts follow
 * progress and read the audit.
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
    boolean staff =
        actor.is(Actor.REVIEWER)
            || actor.is(Actor.SCHOOL_ADMIN)
            || actor.is(Actor.SCHOOL_VIEWER)
            || actor.isOperator();
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
      throw new ReviewRefusal(ReviewRefusal.Reason.NOT_A_REVIEWER);
    }
  }

  static void requireOperator(Actor actor) {
    if (!actor.isOperator()) {
      throw new ReviewRefusal(ReviewRefusal.Reason.NOT_AN_OPERATOR);
    }
  }

  static ReviewRefusal notYours() {
    return new ReviewRefusal(ReviewRefusal.Reason.NOT_YOUR_SCHOOL);
  }
}
