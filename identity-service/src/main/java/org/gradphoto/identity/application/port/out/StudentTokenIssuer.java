package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;

/** Signs student access tokens and publishes the keys that verify them. */
public interface StudentTokenIssuer {
  Uni<IssuedToken> issue(UUID studentId);

  Uni<Map<String, Object>> jwks();

  record IssuedToken(String token, long expiresInSeconds) {}
}
