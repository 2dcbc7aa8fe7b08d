package org.gradphoto.delivery.adapter.out.vertx;

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
}
