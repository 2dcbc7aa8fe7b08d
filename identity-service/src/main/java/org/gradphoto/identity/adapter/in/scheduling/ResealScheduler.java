package org.gradphoto.identity.adapter.in.scheduling;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gradphoto.kernel.crypto.Resealer;
import org.gradphoto.kernel.crypto.Sealer;
import org.gradphoto.kernel.logging.Redacted;

/**
 * The background half of a sealing-key rotation (issue #16, item 9): after the operator made a new
 * GRADPHOTO_ID_ENC_KEY active and moved the old one to GRADPHOTO_ID_ENC_KEY_PREVIOUS, every value
 * this service sealed is sealed again under the new key, a batch at a time, while the service runs.
 * Once a round finds nothing left, the old key can be dropped from the previous keys.
 */
@ApplicationScoped
class ResealScheduler {
  private static final int BATCH = 500;
  private static final List<Resealer.Column> SEALED =
      List.of(
          new Resealer.Column("roster_entry", "id", "id_sealed"),
          new Resealer.Column("student", "id", "openid_sealed"),
          new Resealer.Column("signing_key", "kid", "private_key_sealed"));

  private final Resealer resealer;

  ResealScheduler(Pool pool, Sealer sealer) {
    this.resealer = new Resealer(pool, sealer);
  }

  @Scheduled(
      identity = "identity-reseal",
      every = "${gradphoto.identity.reseal-every:10m}",
      delayed = "${gradphoto.identity.reseal-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> reseal() {
    return Multi.createFrom()
        .iterable(SEALED)
        .onItem()
        .transformToUniAndConcatenate(
            c ->
                resealer
                    .resealAll(c, BATCH)
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
