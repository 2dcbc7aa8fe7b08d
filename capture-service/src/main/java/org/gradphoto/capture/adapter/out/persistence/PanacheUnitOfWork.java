package org.gradphoto.capture.adapter.out.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.gradphoto.capture.application.port.out.UnitOfWork;

/**
 * A Hibernate Reactive transaction; joins the current one when there is one (event consumers). Each
 * one's time is the {@code capture.stage{stage=db.transaction}} timer.
 */
@ApplicationScoped
class PanacheUnitOfWork implements UnitOfWork {
  private final Timer timer;

  PanacheUnitOfWork(MeterRegistry metrics) {
    this.timer =
        Timer.builder("capture.stage")
            .description("time of one step of an upload or adjustment")
            .tag("stage", "db.transaction")
            .register(metrics);
  }

  @Override
  public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              long start = System.nanoTime();
              return Panache.withTransaction(work)
                  .onTermination()
                  .invoke(() -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
            });
  }
}
