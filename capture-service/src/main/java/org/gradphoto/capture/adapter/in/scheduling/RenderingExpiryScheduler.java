package org.gradphoto.capture.adapter.in.scheduling;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.gradphoto.capture.application.port.in.ExpireRenderingsUseCase;
import org.gradphoto.kernel.logging.Redacted;

/** Every ten minutes (configurable): one round of rendering expiry. */
@ApplicationScoped
class RenderingExpiryScheduler {
  private final ExpireRenderingsUseCase expiry;

  RenderingExpiryScheduler(ExpireRenderingsUseCase expiry) {
    this.expiry = expiry;
  }

  @Scheduled(
      identity = "capture-rendering-expiry",
      every = "${gradphoto.capture.expiry-every:10m}",
      delayed = "${gradphoto.capture.expiry-delay:2m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> expire() {
    return expiry
        .expire(Instant.now())
        .invoke(
            n -> {
              if (n > 0) {
                Log.infof("rendering expiry: %d abandoned attempts lost their rendering", n);
              }
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              Log.warnf("rendering expiry failed: %s", Redacted.describe(e));
              return null;
            })
        .replaceWithVoid();
  }
}
