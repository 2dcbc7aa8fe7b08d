package org.gradphoto.kernel.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service accepts two kinds of bearer token: staff tokens from Keycloak (the default OIDC
 * tenant) and student tokens issued by identity-service (the {@code student} tenant, verified
 * against identity-service's JWKS). The issuer claim picks the tenant; the chosen tenant then
 * verifies the signature, so reading the claim unverified here grants nothing.
 */
@ApplicationScoped
public class StudentTenantResolver implements TenantResolver {
  public static final String STUDENT_TENANT = "student";
  public static final String DEFAULT_ISSUER = "gradphoto-identity";

  private final String studentIssuer;

  StudentTenantResolver(
      @ConfigProperty(name = "gradphoto.student-token.issuer", defaultValue = DEFAULT_ISSUER)
          String studentIssuer) {
    this.studentIssuer = studentIssuer;
  }

  @Override
  public String resolve(RoutingContext context) {
    String auth = context.request().getHeader("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String[] parts = auth.substring(7).trim().split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      return studentIssuer.equals(new JsonObject(payload).getString("iss")) ? STUDENT_TENANT : null;
    } catch (IllegalArgumentException | DecodeException | ClassCastException notAJwt) {
      return null;
    }
  }
}
