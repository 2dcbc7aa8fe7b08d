package org.gradphoto.delivery.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.gradphoto.delivery.application.port.out.UnitOfWork;

/** Joins the current transaction if there is one (event handlers run inside one). */
@ApplicationScoped
class PanacheUnitOfWork implements UnitOfWork {
  @Override
  public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
    return Panache.withTransaction(work);
  }
}
