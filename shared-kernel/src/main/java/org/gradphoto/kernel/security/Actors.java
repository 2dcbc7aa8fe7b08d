package org.gradphoto.kernel.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the authenticated identity of a request into an {@link Actor}. */
public final class Actors {
  /** Claim with the school codes a staff member may act for (see deploy/local realm). */
  public static final String SCHOOLS_CLAIM = "schools";

  private Actors() {}

  public static Actor of(SecurityIdentity identity) {
    Set<String> schools = new HashSet<>();
    String id = identity.getPrincipal().getName();
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      id = jwt.getSubject() != null ? jwt.getSubject() : id;
      Object claim = jwt.getClaim(SCHOOLS_CLAIM);
      if (claim instanceof Collection<?> values) {
        values.forEach(v -> schools.add(unquote(String.valueOf(v))));
      } else if (claim != null) {
        schools.add(unquote(claim.toString()));
      }
    }
    return new Actor(id, identity.getRoles(), schools);
  }

  private static String unquote(String v) {
    // JSON-P string values print with their quotes.
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }
}
