package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gradphoto.capture.application.port.in.CaptureStatusQuery;
import org.gradphoto.capture.application.port.in.CaptureStatusView;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.CollectionRepository;
import org.gradphoto.capture.application.port.out.UnitOfWork;
import org.gradphoto.capture.domain.CaptureCollection;

/** The capture status of a student's collections: phase and next step. */
@ApplicationScoped
class CaptureStatusService implements CaptureStatusQuery {
  private final CollectionRepository collections;
  private final AttemptRepository attempts;
  private final UnitOfWork uow;
  private final Ownership ownership;

  CaptureStatusService(
      CollectionRepository collections,
      AttemptRepository attempts,
      UnitOfWork uow,
      Ownership ownership) {
    this.collections = collections;
    this.attempts = attempts;
    this.uow = uow;
    this.ownership = ownership;
  }

  @Override
  public Uni<List<CaptureStatusView>> mine(UUID studentId) {
    Instant now = Instant.now();
    return uow.transaction(
        () ->
            collections
                .ofStudent(studentId)
                .chain(
                    list -> {
                      if (list.isEmpty()) {
                        return Uni.createFrom().item(List.<CaptureStatusView>of());
                      }
                      List<Uni<CaptureStatusView>> each = new ArrayList<>();
                      for (CaptureCollection c : list) {
                        each.add(attempts.count(c.id()).map(n -> Views.status(c, n, now)));
                      }
                      // One session: the counts run one after another, not concurrently.
                      return Uni.join().all(each).usingConcurrencyOf(1).andFailFast();
                    }));
  }

  @Override
  public Uni<CaptureStatusView> status(UUID studentId, UUID collectionId) {
    Instant now = Instant.now();
    return uow.transaction(
        () ->
            ownership
                .owned(studentId, collectionId)
                .chain(c -> attempts.count(c.id()).map(n -> Views.status(c, n, now))));
  }
}
