package org.gradphoto.payment.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.gradphoto.payment.application.port.out.UnitOfWork;

/** Joins the transaction already open (e.g. the idempotent consumer's) or starts one. */
@ApplicationScoped
class PanacheUnitOfWork implements UnitOfWork {
  @Override
  public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
    return Panache.withTransaction(work);
  }
}
