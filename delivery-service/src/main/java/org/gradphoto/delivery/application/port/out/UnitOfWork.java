package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** One database transaction around the work; state changes and events commit together. */
public interface UnitOfWork {
  <T> Uni<T> transaction(Supplier<Uni<T>> work);
}
