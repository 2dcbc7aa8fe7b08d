package org.gradphoto.identity.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;

/** A student signs in with the mini-program's wx.login code and gets a short-lived token. */
public interface StudentLoginUseCase {
  Uni<StudentSession> login(String wxLoginCode);

  /** The JSON Web Key Set other services verify student tokens with. */
  Uni<Map<String, Object>> publishedKeys();

  record StudentSession(String accessToken, long expiresIn, UUID studentId) {}
}
