package org.gradphoto.payment.adapter.in.scheduling;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.gradphoto.kernel.logging.Redacted;
import org.gradphoto.payment.application.port.in.MaintainOrdersUseCase;

/** Every minute (configurable): reconcile late or lost notifications and close timed-out orders. */
@ApplicationScoped
class OrderSweepScheduler {
  private final MaintainOrdersUseCase maintenance;

  OrderSweepScheduler(MaintainOrdersUseCase maintenance) {
    this.maintenance = maintenance;
  }

  @Scheduled(
      identity = "payment-order-sweep",
      every = "${gradphoto.payment.sweep-every:60s}",
      delayed = "${gradphoto.payment.sweep-delay:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return maintenance
        .sweep(Instant.now())
        .invoke(
            r -> {
              if (r.confirmed() + r.closed() + r.refunded() > 0) {
                Log.infof(
                    "order sweep: %d queried, %d confirmed late, %d closed, %d refunds completed",
                    r.queried(), r.confirmed(), r.closed(), r.refunded());
              }
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              Log.warnf("order sweep failed: %s", Redacted.describe(e));
              return null;
            })
        .replaceWithVoid();
  }
}
