package org.gradphoto.identity;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.gradphoto.testsupport.RealInfrastructure;

/**
 * The platform's real infrastructure, with one change for identity-service itself: its student
 * tenant verifies tokens through this service's own JWKS (as every other service does in
 * production) instead of the fixed test key other services use. That needs a known HTTP port.
 */
public class IdentityInfrastructure extends RealInfrastructure {
  static final int PORT = freePort();

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    config.remove("quarkus.oidc.student.public-key");
    config.put("quarkus.http.test-port", String.valueOf(PORT));
    config.put("quarkus.oidc.student.auth-server-url", "http://localhost:" + PORT);
    return config;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
