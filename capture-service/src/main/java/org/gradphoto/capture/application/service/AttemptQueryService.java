package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.capture.application.port.in.AttemptQuery;
import org.gradphoto.capture.application.port.in.AttemptView;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.UnitOfWork;

/** A student's attempts with their previews. */
@ApplicationScoped
class AttemptQueryService implements AttemptQuery {
  private final AttemptRepository attempts;
  private final UnitOfWork uow;
  private final Ownership ownership;
  private final Views views;

  AttemptQueryService(
      AttemptRepository attempts, UnitOfWork uow, Ownership ownership, Views views) {
    this.attempts = attempts;
    this.uow = uow;
    this.ownership = ownership;
    this.views = views;
  }

  @Override
  public Uni<List<AttemptView>> attempts(UUID studentId, UUID collectionId) {
    Instant now = Instant.now();
    return uow.transaction(
            () ->
                ownership
                    .owned(studentId, collectionId)
                    .chain(
                        c ->
                            attempts
                                .ofCollection(c.id())
                                .map(list -> new Ownership.Listed(c, list))))
        .chain(l -> views.attempts(l.collection(), l.attempts(), now));
  }

  @Override
  public Uni<AttemptView> attempt(UUID studentId, UUID collectionId, UUID attemptId) {
    Instant now = Instant.now();
    return uow.transaction(() -> ownership.ownedAttempt(studentId, collectionId, attemptId))
        .chain(l -> views.attempt(l.collection(), l.attempts().get(0), now));
  }
}
