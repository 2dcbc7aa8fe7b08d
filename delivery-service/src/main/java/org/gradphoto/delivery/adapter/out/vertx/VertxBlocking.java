package org.gradphoto.delivery.adapter.out.vertx;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.gradphoto.delivery.application.port.out.Blocking;

/**
 * Runs the work on a worker thread and delivers the result back on the caller's Vert.x context: a
 * Hibernate Reactive session may only be used from the context that opened it.
 */
@ApplicationScoped
class VertxBlocking implements Blocking {
  @Override
  public <T> Uni<T> call(Supplier<T> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Context context = Vertx.currentContext();
              Uni<T> off =
                  Uni.createFrom()
                      .item(work)
                      .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
              return context == null
                  ? off
                  : off.emitOn(task -> context.runOnContext(ignored -> task.run()));
            });
  }
}
