package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.capture.application.port.in.CaptureStatusView;
import org.gradphoto.capture.application.port.in.SubmitAttemptUseCase;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.CollectionRepository;
import org.gradphoto.capture.application.port.out.EventPublisher;
import org.gradphoto.capture.application.port.out.UnitOfWork;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.AttemptStatus;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.kernel.event.PhotoSubmitted;

/** Submits one attempt for review: the collection waits for the result, PhotoSubmitted goes out. */
@ApplicationScoped
class SubmitAttemptService implements SubmitAttemptUseCase {
  private final CollectionRepository collections;
  private final AttemptRepository attempts;
  private final UnitOfWork uow;
  private final EventPublisher events;
  private final Ownership ownership;
  private final Renderer renderer;

  SubmitAttemptService(
      CollectionRepository collections,
      AttemptRepository attempts,
      UnitOfWork uow,
      EventPublisher events,
      Ownership ownership,
      Renderer renderer) {
    this.collections = collections;
    this.attempts = attempts;
    this.uow = uow;
    this.events = events;
    this.ownership = ownership;
    this.renderer = renderer;
  }

  @Override
  public Uni<CaptureStatusView> submit(UUID studentId, UUID collectionId, UUID attemptId) {
    Instant now = Instant.now();
    // PhotoSubmitted hands the original's and the cut-out's keys on: their objects must exist by
    // then (written after the upload's answer; see DeferredWrites).
    return renderer
        .written(attemptId)
        .chain(
            () ->
                uow.transaction(
                    () ->
                        ownership
                            .ownedAttempt(studentId, collectionId, attemptId)
                            .chain(
                                l -> {
                                  CaptureCollection c = l.collection();
                                  Attempt a = l.attempts().get(0);
                                  if (a.status() == AttemptStatus.SUBMITTED
                                      && a.id().equals(c.submittedAttemptId())) {
                                    return attempts.count(c.id()).map(n -> Views.status(c, n, now));
                                  }
                                  c.submit(a, now);
                                  a.submitted();
                                  return collections
                                      .save(c)
                                      .chain(() -> attempts.save(a))
                                      .chain(
                                          () ->
                                              events.publish(
                                                  submitted(c, a, now), c.id().toString()))
                                      .chain(() -> attempts.count(c.id()))
                                      .map(n -> Views.status(c, n, now));
                                })));
  }

  private static PhotoSubmitted submitted(CaptureCollection c, Attempt a, Instant now) {
    Attempt.Rendering r = a.rendering();
    return new PhotoSubmitted(
        c.id(),
        a.id(),
        c.studentId(),
        c.batchId(),
        c.schoolCode(),
        c.specProfile(),
        r.standardizedKey(),
        a.original().key(),
        r.cutoutKey(),
        r.backgroundColour(),
        r.findings().stream()
            .map(
                f ->
                    new PhotoSubmitted.Finding(
                        f.code(), f.severity(), f.message(), f.measured(), f.threshold()))
            .toList(),
        r.geometry(),
        now);
  }
}
