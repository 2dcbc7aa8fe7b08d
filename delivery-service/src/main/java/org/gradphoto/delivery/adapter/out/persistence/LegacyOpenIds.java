package org.gradphoto.delivery.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.gradphoto.delivery.config.DeliveryKeys;

/**
 * Consents recorded before openids were sealed kept the openid plain (column {@code open_id}). At
 * start this seals each one into {@code open_id_sealed} and empties the plain column, so no openid
 * stays readable at rest; until then {@link PanacheNotificationLog} still reads the plain one, so
 * no consent is lost. It runs in the background: a database not reachable yet delays it to the next
 * start and never stops this one.
 */
@ApplicationScoped
public class LegacyOpenIds {
  private final DeliveryKeys keys;

  LegacyOpenIds(DeliveryKeys keys) {
    this.keys = keys;
  }

  void atStart(@Observes StartupEvent start) {
    VertxContextSupport.subscribe(
        () -> seal().toMulti(),
        s ->
            s.with(
                n -> {
                  if (n > 0) {
                    Log.infof("sealed the openid of %d notification consents", n);
                  }
                },
                e -> Log.warnf("plain openids of old consents not sealed yet: %s", e.toString())));
  }

  /** Seals every plain openid left; the number of consents sealed. */
  public Uni<Integer> seal() {
    return Panache.withTransaction(
        () ->
            ConsentEntity.<ConsentEntity>list("legacyOpenId is not null")
                .map(
                    (List<ConsentEntity> rows) -> {
                      for (ConsentEntity e : rows) {
                        if (e.openIdSealed == null) {
                          e.openIdSealed = keys.sealer().seal(e.legacyOpenId);
                        }
                        e.legacyOpenId = null;
                      }
                      return rows.size();
                    }));
  }
}
