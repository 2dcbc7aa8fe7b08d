package org.gradphoto.capture.adapter.out;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Blocking adapters (object store, engine) work on their own threads; the caller continues with
 * Hibernate Reactive, which must stay on the Vert.x context it started on. This brings the result
 * back there.
 */
public final class ContextResume {
  private ContextResume() {}

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
