package org.gradphoto.kernel.reactive;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Blocking work (SDK calls, the object store, image code) runs on worker threads, but a Hibernate
 * Reactive session or reactive SQL connection may only be used from the Vert.x context that opened
 * it: these bring the result back to the context of whoever subscribes. Without a context (a plain
 * test, a CLI) the result stays where it was produced.
 */
public final class ContextResume {
  private ContextResume() {}

  /** Runs {@code work} on a worker thread and delivers its result on the caller's context. */
  public static <T> Uni<T> offload(Supplier<T> work) {
    return onCallerContext(
        Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
  }

  /**
   * Delivers the result of already offloaded work (own executor, own queue) on the caller's
   * context.
   */
  public static <T> Uni<T> onCallerContext(Uni<T> offloaded) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Context context = Vertx.currentContext();
              if (context == null) {
                return offloaded;
              }
              return offloaded.emitOn(task -> context.runOnContext(ignored -> task.run()));
            });
  }
}
