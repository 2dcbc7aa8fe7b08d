package org.gradphoto.payment.adapter.out.wechatpay;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs a blocking SDK call on a worker thread and comes back to the caller's Vert.x context, so the
 * reactive database session of the caller can go on after it.
 */
final class Blocking {
  private Blocking() {}

  static <T> Uni<T> call(Supplier<T> work) {
    Context context = Vertx.currentContext();
    Uni<T> uni =
        Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
  }
}
