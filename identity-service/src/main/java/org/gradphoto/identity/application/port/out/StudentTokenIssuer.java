package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;

/** Signs student access tokens and publishes the keys that verify them. */
public interface StudentTokenIssuer {
  /**
   * A token for the student signed in from WeChat as {@code openid}. The openid travels in the
   * token (claim {@code openid}) to the services that act for the student in WeChat while the
   * student is there: payment (the JSAPI payer) and delivery (the subscribe-message consent).
   */
  Uni<IssuedToken> issue(UUID studentId, String openid);

  Uni<Map<String, Object>> jwks();

  record IssuedToken(String token, long expiresInSeconds) {}
}
