package org.gradphoto.capture.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.gradphoto.capture.application.port.out.UnitOfWork;

/** A Hibernate Reactive transaction; joins the current one when there is one (event consumers). */
@ApplicationScoped
class PanacheUnitOfWork implements UnitOfWork {
  @Override
  public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
    return Panache.withTransaction(work);
  }
}
