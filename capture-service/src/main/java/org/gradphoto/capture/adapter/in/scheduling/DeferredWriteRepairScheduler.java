package org.gradphoto.capture.adapter.in.scheduling;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.gradphoto.capture.application.port.in.RepairDeferredWritesUseCase;
import org.gradphoto.kernel.logging.Redacted;

/**
 * Every five minutes (configurable): one round of checking the objects uploads wrote after their
 * answer ({@code off} turns it off, e.g. in tests that call the round themselves).
 */
@ApplicationScoped
class DeferredWriteRepairScheduler {
  private final RepairDeferredWritesUseCase repair;

  DeferredWriteRepairScheduler(RepairDeferredWritesUseCase repair) {
    this.repair = repair;
  }

  @Scheduled(
      identity = "capture-deferred-write-repair",
      every = "${gradphoto.capture.repair-every:5m}",
      delayed = "${gradphoto.capture.repair-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> repair() {
    return repair
        .repair(Instant.now())
        .invoke(
            r -> {
              if (r.cutoutsRestored() + r.originalsLost() + r.left() > 0) {
                Log.infof(
                    "deferred writes: %d confirmed, %d cut-outs rendered again, %d originals lost,"
                        + " %d left for the next round",
                    r.confirmed(), r.cutoutsRestored(), r.originalsLost(), r.left());
              }
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              Log.warnf("deferred-write repair failed: %s", Redacted.describe(e));
              return null;
            })
        .replaceWithVoid();
  }
}
