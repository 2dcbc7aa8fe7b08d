package org.gradphoto.payment.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** One database transaction: the state change and the events it causes commit together. */
public interface UnitOfWork {
  <T> Uni<T> inTransaction(Supplier<Uni<T>> work);
}
