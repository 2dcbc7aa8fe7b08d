package org.gradphoto.review.application.port.in;

import org.gradphoto.kernel.security.Actor;

/** A signed-in staff member: the actor (id, roles, schools) and the name shown in the audit. */
public record Staff(Actor actor, String name) {
  public String id() {
    return actor.id();
  }
}
