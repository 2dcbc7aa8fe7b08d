package org.gradphoto.delivery.adapter.in.scheduling;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.gradphoto.delivery.config.DeliveryKeys;
import org.gradphoto.kernel.crypto.Resealer;
import org.gradphoto.kernel.logging.Redacted;

/**
 * The background half of a rotation of delivery's key (issue #16, item 9): after the operator made
 * a new GRADPHOTO_ID_DELIVERY_KEY active (identity seals new grants under it) and moved the old one
 * to GRADPHOTO_ID_DELIVERY_KEY_PREVIOUS, the ID numbers and consent openids kept here are sealed
 * again under the new key, while the service runs; then the old key can go.
 */
@ApplicationScoped
class ResealScheduler {
  private static final List<Resealer.Column> SEALED =
      List.of(
          new Resealer.Column("delivery_collection", "collection_id", "id_number_sealed"),
          new Resealer.Column("notification_consent", "student_id", "open_id_sealed"));

  private final Optional<Resealer> resealer;

  ResealScheduler(Pool pool, DeliveryKeys keys) {
    Optional<Resealer> r;
    try {
      r = Optional.of(new Resealer(pool, keys.sealer()));
    } catch (IllegalStateException noKey) {
      r = Optional.empty(); // nothing was sealed here without a key
    }
    this.resealer = r;
  }

  @Scheduled(
      identity = "delivery-reseal",
      every = "${gradphoto.delivery.reseal-every:10m}",
      delayed = "${gradphoto.delivery.reseal-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> reseal() {
    if (resealer.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(SEALED)
        .onItem()
        .transformToUniAndConcatenate(
            c ->
                resealer
                    .get()
                    .resealAll(c, 500)
                    .invoke(
                        n -> {
                          if (n > 0) {
                            Log.infof("resealed %d values of %s.%s", n, c.table(), c.column());
                          }
                        }))
        .collect()
        .asList()
        .onFailure()
        .recoverWithItem(
            e -> {
              Log.warnf("resealing failed: %s", Redacted.describe(e));
              return null;
            })
        .replaceWithVoid();
  }
}
