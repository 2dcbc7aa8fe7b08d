package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs blocking work (image decoding, storage calls) off the event loop and comes back to the
 * caller's context, so the reactive database session can be used afterwards.
 */
public interface Blocking {
  <T> Uni<T> call(Supplier<T> work);

  /**
   * The other way round: from blocking work (a worker thread, never the event loop), runs reactive
   * work (a database transaction) on a context of its own and waits for its result.
   */
  <T> T await(Supplier<Uni<T>> work);
}
