package org.gradphoto.delivery.adapter.in.scheduling;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gradphoto.delivery.application.port.in.BuildPackagesUseCase;

/** Polls the package queue; one package at a time per replica, leased so replicas share. */
@ApplicationScoped
class PackageWorker {
  private final BuildPackagesUseCase builder;

  PackageWorker(BuildPackagesUseCase builder) {
    this.builder = builder;
  }

  @Scheduled(
      identity = "package-worker",
      every = "${gradphoto.delivery.package-poll:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> tick() {
    return builder
        .claimNext()
        .chain(
            claimed ->
                claimed.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : builder.build(claimed.get()).replaceWithVoid());
  }
}
