package org.gradphoto.delivery.adapter.out.vertx;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.kernel.reactive.ContextResume;

/** The kernel's worker-then-caller's-context hop behind delivery's port. */
@ApplicationScoped
class VertxBlocking implements Blocking {
  @Override
  public <T> Uni<T> call(Supplier<T> work) {
    return ContextResume.offload(work);
  }

  @Override
  public <T> T await(Supplier<Uni<T>> work) {
    try {
      // A new safe duplicated context: the reactive session it opens is its own, never the one of
      // the reactive chain that is waiting for this blocking work.
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
