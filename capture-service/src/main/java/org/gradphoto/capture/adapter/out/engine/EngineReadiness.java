package org.gradphoto.capture.adapter.out.engine;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gradphoto.capture.application.port.out.PhotoStandardizer;

/** Not ready until the standardization models are loaded: no traffic before they are. */
@Readiness
@ApplicationScoped
class EngineReadiness implements HealthCheck {
  private final PhotoStandardizer standardizer;

  EngineReadiness(PhotoStandardizer standardizer) {
    this.standardizer = standardizer;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("photo standardization models")
        .status(standardizer.ready())
        .build();
  }
}
