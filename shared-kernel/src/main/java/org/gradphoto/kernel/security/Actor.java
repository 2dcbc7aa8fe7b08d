package org.gradphoto.kernel.security;

import java.util.Set;

/**
 * Who is acting, as the application core sees it: an id, roles and (for school staff) the school
 * codes they may act for. Inbound adapters build it from the token; the core never sees tokens.
 */
public record Actor(String id, Set<String> roles, Set<String> schools) {
  public static final String STUDENT = "student";
  public static final String REVIEWER = "reviewer";
  public static final String SCHOOL_ADMIN = "school-admin";

  /**
   * A read-only school account: reads what a school admin reads (roster, progress, ready packages)
   * for its schools and changes nothing.
   */
  public static final String SCHOOL_VIEWER = "school-viewer";

  public static final String OPERATOR = "operator";

  public Actor {
    roles = Set.copyOf(roles);
    schools = Set.copyOf(schools);
  }

  public boolean is(String role) {
    return roles.contains(role);
  }

  public boolean isOperator() {
    return is(OPERATOR);
  }

  /** Operators act for every school; reviewers and school admins only for their own. */
  public boolean mayActFor(String schoolCode) {
    return isOperator() || schools.contains(schoolCode);
  }
}
