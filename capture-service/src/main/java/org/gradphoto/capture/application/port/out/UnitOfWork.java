package org.gradphoto.capture.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Runs repository calls and event publication in one database transaction. */
public interface UnitOfWork {
  <T> Uni<T> transaction(Supplier<Uni<T>> work);
}
