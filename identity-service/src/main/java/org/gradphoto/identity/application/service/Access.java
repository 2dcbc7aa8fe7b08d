package org.gradphoto.identity.application.service;

import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.security.Actor;

/**
 * Staff authorisation of the core: operators act everywhere, school admins for their schools,
 * read-only school accounts only read for theirs.
 */
final class Access {
  private Access() {}

  /** Reading a school's batches, roster and progress. */
  static void requireReadSchool(Actor actor, String schoolCode) {
    if (actor.is(Actor.SCHOOL_VIEWER) && actor.mayActFor(schoolCode)) {
      return;
    }
    requireSchool(actor, schoolCode);
  }

  /** Changing a school, its batches or its roster. */
  static void requireSchool(Actor actor, String schoolCode) {
    boolean editor = actor.isOperator() || actor.is(Actor.SCHOOL_ADMIN);
    if (!editor && actor.is(Actor.SCHOOL_VIEWER) && actor.mayActFor(schoolCode)) {
      throw ProblemException.readOnlyAccount();
    }
    if (!editor || !actor.mayActFor(schoolCode)) {
      throw ProblemException.forbidden("SCHOOL_NOT_YOURS", "没有管理该学校（" + schoolCode + "）的权限");
    }
  }

  static void requireOperator(Actor actor) {
    if (!actor.isOperator()) {
      throw ProblemException.forbidden("OPERATOR_ONLY", "只有平台运营人员可以执行此操作");
    }
  }

  /** Domain validation messages are written "field: reason"; this turns them into a 400. */
  static ProblemException invalid(IllegalArgumentException e) {
    String m = e.getMessage() == null ? "invalid input" : e.getMessage();
    int colon = m.indexOf(": ");
    if (colon > 0 && m.substring(0, colon).matches("[A-Za-z]+")) {
      return ProblemException.invalidField(m.substring(0, colon), m.substring(colon + 2));
    }
    return ProblemException.badRequest("INVALID_INPUT", m);
  }
}
