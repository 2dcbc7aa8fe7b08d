package org.gradphoto.identity.application.service;

import java.util.Map;
import org.gradphoto.identity.domain.IdentityRefusal;
import org.gradphoto.identity.domain.IdentityRefusal.Reason;
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
      throw new IdentityRefusal(Reason.READ_ONLY_ACCOUNT);
    }
    if (!editor || !actor.mayActFor(schoolCode)) {
      throw new IdentityRefusal(
          Reason.SCHOOL_NOT_YOURS, Map.of("school", String.valueOf(schoolCode)));
    }
  }

  static void requireOperator(Actor actor) {
    if (!actor.isOperator()) {
      throw new IdentityRefusal(Reason.OPERATOR_ONLY);
    }
  }
}
